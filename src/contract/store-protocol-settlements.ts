import { z } from 'zod';
import { idempotencyKey } from './store-protocol-fields';
import type {
  SettlementsLastAnswer,
  SettlementsRecordAnswer,
  StoreDayReport,
} from './types-store-settlements';

const fen = z.number().int().nonnegative().max(1e12);

export const settlementRecord = z
  .object({
    kind: z.enum(['settle', 'refund']),
    /** the counter's own settlement id */
    localId: z.number().int().positive(),
    setlId: z.string().min(1).max(64),
    hiRxno: z.string().min(1).max(64),
    medfeeFen: fen,
    fundFen: fen,
    acctFen: fen,
    cashFen: fen,
    /** ms since epoch, the counter's time of the settlement or refund */
    at: z.number().int().positive(),
  })
  .strict();
export type SettlementRecordInput = z.infer<typeof settlementRecord>;

/**
 * Settlements and refunds recorded at the store server (issue 17, docs/store-server.md,
 * "Settlements"): append-only, each stored once per (counter, kind, counter's settlement id).
 */
export const storeSettlementsProtocol = {
  /** A batch of this counter's settlement events, in the counter's order. */
  'settlements.record': {
    input: z
      .object({ idempotencyKey, records: z.array(settlementRecord).min(1).max(100) })
      .strict(),
    output: {} as SettlementsRecordAnswer,
    mutates: true,
  },
  /** Where this counter's delivery stands: the time of its latest stored event. */
  'settlements.last': {
    input: z.object({}).strict(),
    output: {} as SettlementsLastAnswer,
    mutates: false,
  },
  /** The store-wide day report: every counter's settlements and refunds of one Beijing day. */
  'settlements.dayReport': {
    input: z
      .object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 yyyy-MM-dd') })
      .strict(),
    output: {} as StoreDayReport,
    mutates: false,
  },
} as const;
