import { z } from 'zod';
import {
  confirmLine,
  idempotencyKey,
  medListCodg,
  packCode,
  saleRef,
} from './store-protocol-fields';
import { hiRxno } from './store-protocol-rx';
import type {
  StockLevelsAnswer,
  StockReceiveAnswer,
  StockReturnAnswer,
  StockSellAnswer,
} from './types-store-stock';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 yyyy-MM-dd');

/**
 * Stock at the store server (issue 17, D49, docs/store-server.md "Stock and FEFO across
 * counters"): batches received at any counter, FEFO taken in the same transaction as the sale of
 * the packs, returns put back into the batch each pack left.
 */
export const storeStockProtocol = {
  /** 进货 (R-SUPPLY): the supplier and its licence are checked again at the store. */
  'stock.receive': {
    input: z
      .object({
        idempotencyKey,
        medListCodg,
        batchNo: z.string().min(1).max(64),
        expiry: day,
        packs: z.number().int().positive().max(100_000),
        supplier: z
          .object({
            name: z.string().min(1).max(200),
            licenceNo: z.string().max(100),
            licenceValidUntil: day,
            active: z.boolean(),
          })
          .strict(),
        /** The receiving staff member's account name (not a person's name or ID number). */
        receivedBy: z.string().min(1).max(64),
      })
      .strict(),
    output: {} as StockReceiveAnswer,
    mutates: true,
  },
  /**
   * codes.confirm and the FEFO allocation of its whole packs, in one transaction: all or nothing.
   * `offline`: the reconciliation of a cash sale made while the store was unreachable — the goods
   * have left the shop, so too little stock is recorded as a shortfall for the pharmacist, not refused.
   */
  'stock.sell': {
    input: z
      .object({
        idempotencyKey,
        saleRef,
        lines: z.array(confirmLine).min(1).max(500),
        offline: z.boolean().optional(),
        /** As codes.confirm's: a prescription's sale without a dispensing settles its claim (D57). */
        settlesRx: hiRxno.optional(),
      })
      .strict(),
    output: {} as StockSellAnswer,
    mutates: true,
  },
  /** codes.return and each returned pack back into the batch its sale took it from. */
  'stock.return': {
    input: z.object({ idempotencyKey, saleRef, codes: z.array(packCode).min(1).max(500) }).strict(),
    output: {} as StockReturnAnswer,
    mutates: true,
  },
  /** The batches of some drugs (null: all), for the counter's screens. */
  'stock.levels': {
    input: z.object({ medListCodgs: z.array(medListCodg).max(500).nullable() }).strict(),
    output: {} as StockLevelsAnswer,
    mutates: false,
  },
} as const;
