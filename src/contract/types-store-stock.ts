import type { RuleId } from '../domain/rules';
import type { StoreRefusal } from './types-store';

/** Answers of the store server's stock methods (store-protocol-stock.ts, D49). */

/** One batch as the store holds it. */
export interface StoreBatchView {
  medListCodg: string;
  batchNo: string;
  /** yyyy-MM-dd */
  expiry: string;
  onHand: number;
  /** Not expired on the store's Beijing day: FEFO may take from it. */
  usable: boolean;
  /** The counters whose receipts (进货) brought this batch in, by counter id. */
  receivingCounters: string[];
}

/** Why the store refused a receipt or could not cover a sale; the words are the counter's. */
export interface StockRefusal {
  reason: 'SUPPLIER' | 'EXPIRED_BATCH' | 'EXPIRY_MISMATCH' | 'SHORT' | 'SOLD_OFFLINE_SHORT';
  ruleId: RuleId;
  citation: string;
  message: string;
  medListCodg: string;
}

export type StockReceiveAnswer =
  | { verdict: 'received'; batch: StoreBatchView }
  | { verdict: 'refused'; refusal: StockRefusal };

/** Packs a sale took from one batch. */
export interface StockTaken {
  medListCodg: string;
  batchNo: string;
  expiry: string;
  packs: number;
}

export type StockSellAnswer =
  | {
      verdict: 'sold';
      sold: number;
      at: number;
      taken: StockTaken[];
      /** An offline sale's packs the batches could not cover (recorded at the store, D49). */
      shortfalls: StockRefusal[];
    }
  | { verdict: 'refused'; refusals: StoreRefusal[]; shortages: StockRefusal[] };

export interface StockReturnAnswer {
  returned: number;
  /** Packs put back, per batch they had left. */
  restored: StockTaken[];
}

export interface StockLevelsAnswer {
  /** ms since epoch, the store's time of this reading (a counter's offline copy shows it). */
  at: number;
  batches: StoreBatchView[];
}
