import type pg from 'pg';
import { readOnly } from './read-only';
import { type StoreFeed, storeFeeds } from './replication-status';

export interface StoreStockLine {
  medListCodg: string;
  batchNo: string;
  /** yyyy-MM-dd */
  expiry: string;
  onHand: number;
}

export interface ChainStock {
  stores: Array<{ institution: string; batches: StoreStockLine[] }>;
  feeds: StoreFeed[];
}

/**
 * Stock on hand per store (R-STOCK), from the replicated batches and movements: a batch holds
 * the sum of its movements, the store's own invariant (D49), so its quantity need not travel.
 */
export function chainStock(pool: pg.Pool): Promise<ChainStock> {
  return readOnly(pool, async (c) => {
    const rows = (
      await c.query<{
        institution: string;
        med_list_codg: string;
        batch_no: string;
        expiry: string;
        on_hand: number;
      }>(
        `SELECT b.institution, b.med_list_codg, b.batch_no, to_char(b.expiry, 'YYYY-MM-DD') AS expiry,
           coalesce(sum(m.delta), 0)::int AS on_hand
         FROM store_batches b
         LEFT JOIN store_stock_movements m ON m.institution = b.institution AND m.batch_id = b.id
         GROUP BY b.institution, b.id
         ORDER BY b.institution, b.med_list_codg, b.expiry, b.batch_no`,
      )
    ).rows;
    const feeds = await storeFeeds(c);
    const byStore = new Map<string, StoreStockLine[]>(feeds.map((f) => [f.institution, []]));
    for (const r of rows) {
      const lines = byStore.get(r.institution) ?? [];
      lines.push({
        medListCodg: r.med_list_codg,
        batchNo: r.batch_no,
        expiry: r.expiry,
        onHand: r.on_hand,
      });
      byStore.set(r.institution, lines);
    }
    return {
      stores: [...byStore].map(([institution, batches]) => ({ institution, batches })),
      feeds,
    };
  });
}
