import type { z } from 'zod';
import type { SuccessJudge } from './judges';

export const MiB = 1024 * 1024;

interface EntryBase<I extends z.ZodType, O extends z.ZodType> {
  infno: string;
  /** The Chinese name staff read in queues, logs and messages. */
  name: string;
  /** The request's `input` node; a queued item's body is checked against it when enqueued. */
  input: I;
  /** The reply's `output` node as the counter reads it. */
  output: O;
  /** Whether an infcode-0 reply really says the business succeeded (judges.ts). */
  judge: SuccessJudge;
  /** Reply bodies above this are refused while they stream in; the default otherwise (reply-caps.ts). */
  replyCapBytes?: number;
}

/** Sent while the counter waits for the answer. */
export interface SyncEntry<I extends z.ZodType, O extends z.ZodType> extends EntryBase<I, O> {
  mode: 'sync';
}

/**
 * Written into the outbox with the local change it reports and delivered later. Items sharing an
 * ordering key reach the center in enqueue order; `S` is what the key is made from.
 */
export interface QueuedEntry<I extends z.ZodType, O extends z.ZodType, S> extends EntryBase<I, O> {
  mode: 'queued';
  orderingKey: (subject: S) => string | null;
  /**
   * Paths inside `input` of one-time credentials (e.g. the pharmacist's e-voucher token): kept
   * while the center may need the exact bytes again, replaced by their SM3 digest once delivered.
   */
  oneTimeCredentials?: readonly string[];
}

/** Keeps each entry's literal types (infno, mode, schemas) while checking its shape. */
export function syncTransaction<const N extends string, I extends z.ZodType, O extends z.ZodType>(
  entry: SyncEntry<I, O> & { infno: N },
): SyncEntry<I, O> & { infno: N } {
  return entry;
}

export function queuedTransaction<
  const N extends string,
  I extends z.ZodType,
  O extends z.ZodType,
  S = void,
>(entry: QueuedEntry<I, O, S> & { infno: N }): QueuedEntry<I, O, S> & { infno: N } {
  return entry;
}

/** Queued items whose order does not matter. */
export const unordered = (): null => null;

/** Uploads about one prescription reach the center in the order they were made. */
export const byPrescription = (of: { hiRxno: string | null }): string | null => of.hiRxno;
