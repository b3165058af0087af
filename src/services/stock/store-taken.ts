import type { StockTaken } from '../../contract/types-store-stock';
import { AppError } from '../../domain/errors';
import {
  BatchExpiryMismatch,
  type StockBatch,
  type StockRepository,
} from '../../store/stock-repository';

/** Where a sale takes its packs from: the counter's own batches, or the store's answer (D53). */
export interface StockSource {
  /** Batches the sale may take from, FEFO order. */
  usable(medListCodg: string, today: string): StockBatch[];
  take(batchId: number, packs: number): void;
}

const fefoOrder = (a: StockTaken, b: StockTaken) =>
  a.expiry < b.expiry ? -1 : a.expiry > b.expiry ? 1 : a.batchNo < b.batchNo ? -1 : 1;

/**
 * Store mode (D53): the store server's FEFO is the truth, so a sale allocates exactly the batches
 * its `stock.sell` answer took, as local rows (a batch received at another counter gets its
 * copy here). Runs inside the sale's transaction; the local quantities follow the store's.
 */
export function storeTakenStock(
  stock: StockRepository,
  taken: readonly StockTaken[],
  by: { staffId: number; at: number },
): StockSource {
  const left = new Map<number, number>();
  const byDrug = new Map<string, StockBatch[]>();

  function copiesOf(medListCodg: string): StockBatch[] {
    const known = byDrug.get(medListCodg);
    if (known) return known;
    const rows = taken
      .filter((t) => t.medListCodg === medListCodg)
      .sort(fefoOrder)
      .map((t) => {
        try {
          const row = stock.storeCopy({ ...t, receivedBy: by.staffId, receivedAt: by.at });
          left.set(row.id, (left.get(row.id) ?? 0) + t.packs);
          return row;
        } catch (e) {
          if (!(e instanceof BatchExpiryMismatch)) throw e;
          throw new AppError(
            'CONFLICT',
            `批号 ${t.batchNo} 在门店服务器的有效期 ${t.expiry} 与本柜台记录的不一致，不能按门店批次出库；请联系管理员核对该批次`,
            { ruleId: 'R-STOCK' },
          );
        }
      });
    byDrug.set(medListCodg, rows);
    return rows;
  }

  return {
    usable: (medListCodg) =>
      copiesOf(medListCodg)
        .map((b) => ({ ...b, packsOnHand: left.get(b.id) ?? 0 }))
        .filter((b) => b.packsOnHand > 0),
    take(batchId, packs) {
      stock.take(batchId, packs);
      left.set(batchId, (left.get(batchId) ?? 0) - packs);
    },
  };
}
