import { z } from 'zod';
import { idempotencyKey } from './store-protocol-fields';
import type {
  OutboxClaimAnswer,
  OutboxHandedLastAnswer,
  OutboxHandOverAnswer,
  OutboxLeaseAnswer,
  OutboxOutcomesAnswer,
  OutboxRecordAnswer,
} from './types-store-outbox';

const msgid = z.string().min(1).max(64);
const localId = z.number().int().positive();
const fencing = z.number().int().positive();
const errorText = z.string().min(1).max(2_000);

const handedItem = z
  .object({
    localId,
    msgid,
    infno: z.string().min(1).max(8),
    /** the frozen request JSON as the counter's outbox keeps it */
    body: z.string().min(2).max(60_000),
    orderingKey: z.string().min(1).max(200).nullable(),
  })
  .strict();
export type HandedOutboxItem = z.infer<typeof handedItem>;

const outcome = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('delivered'),
      id: localId,
      response: z.string().max(60_000),
      /** the body without its one-time credentials (ec_token), when it carried any */
      redactedBody: z.string().min(2).max(60_000).nullable(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('retry'),
      id: localId,
      error: errorText,
      nextAttemptAt: z.number().int().positive(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('park'),
      id: localId,
      error: errorText,
      /** the center's err_msg of a business refusal, for the origin counter's refusal hooks */
      centerMessage: z.string().max(2_000).nullable(),
    })
    .strict(),
]);
export type OutboxOutcomeInput = z.infer<typeof outcome>;

/**
 * The pharmacy's center outbox (issue 17, D43, docs/store-server.md "The center outbox across
 * counters"): counters hand their queued center requests over; one elected counter, holding a
 * fenced lease, delivers them in ordering-key order across counters; each origin counter pulls
 * the outcomes of its items and runs its delivered hooks.
 */
export const storeOutboxProtocol = {
  /** Pending items of this counter's outbox, in its id order; kept once by msgid and by local id. */
  'outbox.handOver': {
    input: z.object({ idempotencyKey, items: z.array(handedItem).min(1).max(100) }).strict(),
    output: {} as OutboxHandOverAnswer,
    mutates: true,
  },
  /** Where this counter's hand-over stands: the highest local id the store holds. */
  'outbox.handedLast': {
    input: z.object({}).strict(),
    output: {} as OutboxHandedLastAnswer,
    mutates: false,
  },
  /**
   * Take the deliverer's lease if it ran out, or renew it if this counter holds it. Safe to
   * repeat as it is (no idempotency key: it runs every 5 s at every counter).
   */
  'outbox.lease': {
    input: z.object({}).strict(),
    output: {} as OutboxLeaseAnswer,
    mutates: true,
  },
  /**
   * The lease holder claims due items (key order across counters). Safe to repeat as it is: a
   * claim whose answer was lost leaves its items in flight, and the next claim takes them again.
   */
  'outbox.claim': {
    input: z.object({ fencing, limit: z.number().int().min(1).max(100) }).strict(),
    output: {} as OutboxClaimAnswer,
    mutates: true,
  },
  /** The lease holder's outcomes; written only under its current fencing token. */
  'outbox.record': {
    input: z
      .object({ idempotencyKey, fencing, outcomes: z.array(outcome).min(1).max(100) })
      .strict(),
    output: {} as OutboxRecordAnswer,
    mutates: true,
  },
  /** Outcomes of this counter's handed items after `afterSeq`, from its oldest still open local id. */
  'outbox.outcomes': {
    input: z
      .object({
        afterSeq: z.number().int().nonnegative(),
        fromLocalId: z.number().int().nonnegative(),
        limit: z.number().int().min(1).max(200),
      })
      .strict(),
    output: {} as OutboxOutcomesAnswer,
    mutates: false,
  },
  /** A person sends a parked item again (its origin counter's requeue). */
  'outbox.requeue': {
    input: z.object({ idempotencyKey, localId }).strict(),
    output: {} as { requeued: boolean },
    mutates: true,
  },
} as const;
