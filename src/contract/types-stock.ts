import type { StockBatchView } from './types-dispense';
import type { UploadState } from './types-settlement';
import type { StoreBatchView } from './types-store-stock';

/** One stock upload (3501–3504) and its outbox state (R-STOCK). */
export interface StockUploadView {
  id: number;
  infno: string;
  /** Chinese name, e.g. 商品采购（3503）. */
  label: string;
  state: UploadState;
  stateLabel: string;
  msgid: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  batchId: number | null;
  /** What the upload reports, e.g. "阿莫西林胶囊 批号 B1 进货 10 盒". */
  summary: string;
}

/** The batch after a stock change (进货/退货/报损/报溢), with the upload queued with it. */
export interface StockChangeView extends StockBatchView {
  upload: StockUploadView;
}

/** A supplier of the managed list and its licence (R-SUPPLY). */
export interface SupplierView {
  id: number;
  name: string;
  licenceNo: string;
  licenceValidUntil: string;
  active: boolean;
  /** Active with a licence valid today: goods may be received from it. */
  mayDeliver: boolean;
}

/**
 * A counter of a store: the pharmacy's stock as the store server holds it (D49), or — the store
 * unreachable — this counter's last copy of it, marked as such (`source`, `asOf`).
 */
export interface StoreStockLevelsView {
  source: 'store' | 'lastCopy';
  /** ms since epoch: the store's time of the reading (for a copy, when it was read). */
  asOf: number;
  batches: StoreBatchView[];
  /** Chinese, for the screen: where the figures come from. */
  note: string;
}
