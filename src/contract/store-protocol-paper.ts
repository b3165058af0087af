import { z } from 'zod';
import { idempotencyKey } from './store-protocol-fields';
import type {
  PaperIndexLastAnswer,
  PaperIndexRecordAnswer,
  PaperIndexSearchAnswer,
  PaperSeenAnswer,
} from './types-store-paper';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 yyyy-MM-dd');
const sm3 = z.string().regex(/^[0-9a-f]{64}$/);
/** paperRxno(): <institution>-<serial> */
export const paperKey = z.string().min(3).max(80);

export const paperIndexEntry = z
  .object({
    key: paperKey,
    /** the counter's paper_prescriptions.id */
    localId: z.number().int().positive(),
    /** ms since epoch */
    capturedAt: z.number().int().positive(),
    rxDate: isoDate,
    imageSm3: sm3,
    recordSm3: sm3,
    /** the capturing staff member's user name (the roster is store-wide) */
    capturedBy: z.string().min(1).max(200),
    state: z.enum(['captured', 'dispensed']),
  })
  .strict();
export type PaperIndexEntry = z.infer<typeof paperIndexEntry>;

/**
 * The paper archive's store-wide index (issue 17, docs/store-server.md, "Paper prescriptions
 * across counters", D56): every counter's archive, once per (counter, local id); the images stay
 * at the capturing counter.
 */
export const storePaperProtocol = {
  /** A batch of this counter's archive entries (new ones, and ones since dispensed). */
  'paper.indexRecord': {
    input: z.object({ idempotencyKey, entries: z.array(paperIndexEntry).min(1).max(200) }).strict(),
    output: {} as PaperIndexRecordAnswer,
    mutates: true,
  },
  /** Where this counter's copy stands. */
  'paper.indexLast': {
    input: z.object({}).strict(),
    output: {} as PaperIndexLastAnswer,
    mutates: false,
  },
  /** At capture: was this paper archived, claimed or settled at any counter (R-PAPER-NO)? */
  'paper.seen': {
    input: z.object({ key: paperKey }).strict(),
    output: {} as PaperSeenAnswer,
    mutates: false,
  },
  /** An inspector's search of the index by key, capture period (Beijing dates) and counter. */
  'paper.indexSearch': {
    input: z
      .object({
        key: paperKey.nullable(),
        from: isoDate.nullable(),
        to: isoDate.nullable(),
        counterId: z.string().min(1).max(32).nullable(),
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(200),
      })
      .strict(),
    output: {} as PaperIndexSearchAnswer,
    mutates: false,
  },
} as const;
