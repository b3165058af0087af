import type { RuleId } from '../domain/rules';

/** Answers of the store server (store-protocol.ts); every refusal carries its rule. */

/** Where and when a pack was sold before, as the store server knows it. */
export interface StoreEarlierSale {
  counterId: string;
  saleRef: string;
  medListCodg: string;
  /** ms since epoch */
  soldAt: number;
}

export interface StoreRefusal {
  reason: 'ALREADY_SOLD' | 'HELD_ELSEWHERE' | 'CENTER_REFUSED' | 'PACK_USED_UP' | 'NOT_OPENED_HERE';
  ruleId: RuleId;
  citation: string;
  message: string;
  code: string;
  earlier: StoreEarlierSale | null;
}

export type ReserveAnswer =
  | { verdict: 'reserved'; code: string; expiresAt: number }
  | { verdict: 'refused'; refusal: StoreRefusal };

export interface ReleaseAnswer {
  released: number;
}

export type ConfirmAnswer =
  | { verdict: 'confirmed'; sold: number; at: number }
  | { verdict: 'refused'; refusals: StoreRefusal[] };

export interface ReturnAnswer {
  returned: number;
}

export interface CenterRefusedReport {
  recorded: boolean;
}

export interface StoreStatusAnswer {
  institution: string;
  counterId: string;
  serverTime: number;
  /** This counter's share of the institution's msgid sequences, 0–9 (D51), never reused. */
  msgidSlot: number;
}

/** An error answer of the store server: Chinese, with the rule where one requires it. */
export interface StoreErrorBody {
  code:
    | 'VALIDATION'
    | 'UNAUTHENTICATED'
    | 'REPLAYED'
    | 'TOO_LARGE'
    | 'UNKNOWN_METHOD'
    | 'IDEMPOTENCY_MISMATCH'
    | 'MSGID_SLOTS_FULL'
    | 'INTERNAL';
  message: string;
  ruleId?: RuleId;
  citation?: string;
}

/** What a counter of a store still owes its store server (D42). */
export interface StoreOwedView {
  /** returns and offline sales not yet delivered */
  pending: number;
  /** pack codes sold offline, not yet confirmed at the store */
  unconfirmedCodes: number;
  /** pack codes sold offline that another counter sold meanwhile (flagged to the pharmacist) */
  clashes: number;
}

/** What the counter shows of its mode (issue 17): a single counter, or a counter of a store. */
export type StoreLinkView =
  | { mode: 'single'; message: string }
  | {
      mode: 'counter';
      counterId: string;
      reachable: boolean;
      /** ms since epoch of the store server's last answer; null before the first */
      lastAnswerAt: number | null;
      message: string;
      owed: StoreOwedView;
    };

/** One side of a clash: a sale of the pack, as the counter or the store server knows it. */
export interface StoreClashSale {
  counterId: string | null;
  /** the counter's reference of the sale (dispensing-…, selfpay-…) */
  saleRef: string | null;
  /** Beijing time, yyyy-MM-dd HH:mm:ss; null when the store knows no sale (a hold) */
  soldAt: string | null;
}

/** A pack sold offline here and, meanwhile, at another counter (R-TRACE-ONCE, D42). */
export interface StoreClashView {
  id: number;
  /**
   * codeClash: another counter sold the pack meanwhile (R-TRACE-ONCE); stockShort: the store's
   * batches could not cover the offline sale of this pack's drug (SOLD_OFFLINE_SHORT, R-STOCK, D53).
   */
  kind: 'codeClash' | 'stockShort';
  code: string;
  /** this counter's offline cash sale, with its sale number (Z…) */
  ours: StoreClashSale & { docNo: string };
  other: StoreClashSale;
  /** the store server's words */
  message: string;
  foundAt: string;
  ruleId: RuleId;
  citation: string;
}
