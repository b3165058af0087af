import type pg from 'pg';
import type { Db } from '../../../../src/store/database';
import type { StoreClient } from '../../../../src/store-link/store-client';
import { counter, key } from './store';

/** A supplier whose licence is valid for years (R-SUPPLY), as the counter's managed list holds it. */
export const LICENSED_SUPPLIER = {
  name: '重庆医药股份有限公司',
  licenceNo: '渝AA0230001',
  licenceValidUntil: '2099-12-31',
  active: true,
};

export function receive(
  c: StoreClient,
  medListCodg: string,
  batchNo: string,
  expiry: string,
  packs: number,
  supplier = LICENSED_SUPPLIER,
) {
  return c.call('stock.receive', {
    idempotencyKey: key('receive'),
    medListCodg,
    batchNo,
    expiry,
    packs,
    supplier,
    receivedBy: 'keeper',
  });
}

/** A completion of whole packs at the store: codes sold and stock taken in one call. */
export function sell(
  c: StoreClient,
  saleRef: string,
  medListCodg: string,
  codes: string[],
  k = key('sell'),
) {
  return c.call('stock.sell', {
    idempotencyKey: k,
    saleRef,
    lines: codes.map((code) => ({
      code,
      medListCodg,
      unitsPerPack: null,
      unitsLeft: null,
      reusedUnits: null,
    })),
  });
}

/** Each batch of a drug: packs on hand and the sum of its movements (which must agree). */
export async function batchLedger(pool: pg.Pool, medListCodg: string) {
  const r = await pool.query<{ batch_no: string; on_hand: number; moved: number; sold: number }>(
    `SELECT b.batch_no, b.on_hand,
       coalesce(sum(m.delta), 0)::int AS moved,
       count(*) FILTER (WHERE m.kind = 'sale')::int AS sold
     FROM store_batches b LEFT JOIN store_stock_movements m ON m.batch_id = b.id
     WHERE b.med_list_codg = $1 GROUP BY b.id ORDER BY b.expiry`,
    [medListCodg],
  );
  return r.rows;
}

/**
 * The counters' sandbox demo stock, received at the store server too (each counter's batches, as
 * the pharmacy's one stock): in store mode a completion takes the store's batches (D53).
 */
export async function stockTheStore(storeUrl: string, counters: Record<string, Db>) {
  for (const [id, db] of Object.entries(counters)) {
    const atStore = counter(storeUrl, id);
    const batches = db
      .prepare(
        `SELECT med_list_codg AS medListCodg, batch_no AS batchNo, expiry, packs_on_hand AS packs
         FROM stock_batches WHERE packs_on_hand > 0 ORDER BY id`,
      )
      .all() as Array<{ medListCodg: string; batchNo: string; expiry: string; packs: number }>;
    for (let i = 0; i < batches.length; i += 8) {
      const answers = await Promise.all(
        batches
          .slice(i, i + 8)
          .map((b) => receive(atStore, b.medListCodg, b.batchNo, b.expiry, b.packs)),
      );
      const refused = answers.find((a) => a.verdict !== 'received');
      if (refused) throw new Error(`门店入库被拒绝：${JSON.stringify(refused)}`);
    }
  }
}
