import { z } from 'zod';
import { idempotencyKey } from './store-protocol-fields';

export const cashSaleRecord = z
  .object({
    /** the counter's self_pay_sales.id */
    localId: z.number().int().positive(),
    totalFen: z.number().int().nonnegative().max(1e12),
    /** ms since epoch, the counter's time of the sale */
    soldAt: z.number().int().positive(),
  })
  .strict();
export type CashSaleRecord = z.infer<typeof cashSaleRecord>;

/**
 * Self-pay (cash) sales of every counter for the store day report (issue 17,
 * docs/store-server.md, "Settlements"): append-only, once per (counter, sale id).
 */
export const storeCashProtocol = {
  'cashSales.record': {
    input: z.object({ idempotencyKey, sales: z.array(cashSaleRecord).min(1).max(200) }).strict(),
    output: {} as { recorded: number; alreadyKept: number },
    mutates: true,
  },
  /** Where this counter's delivery stands: its highest stored sale id (0 before its first). */
  'cashSales.last': {
    input: z.object({}).strict(),
    output: {} as { lastLocalId: number },
    mutates: false,
  },
} as const;
