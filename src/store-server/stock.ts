import type { Pool } from 'pg';
import type { StoreInput } from '../contract/store-protocol';
import type {
  StockLevelsAnswer,
  StockReceiveAnswer,
  StockReturnAnswer,
  StockSellAnswer,
  StockTaken,
  StoreBatchView,
} from '../contract/types-store-stock';
import { allocateFefo } from '../domain/dispense/fefo';
import { AppError } from '../domain/errors';
import { assertSupplierMayDeliver } from '../domain/stock/supplier-licence';
import { type Client, ms } from './database';
import type { Outcome } from './idempotent';
import { releaseClaimOfReturnedSale } from './rx-claims-by-sale';
import { confirm } from './sold-codes';
import {
  expiredBatch,
  expiryMismatch,
  shortOfStock,
  soldOfflineShort,
  stockRefusal,
} from './stock-refusals';

/**
 * Stock of the pharmacy at the store server (D49). Quantities change only by inserting
 * movements (a trigger applies them, a CHECK keeps them ≥ 0); a sale's FEFO allocation runs in
 * the transaction of its codes.confirm, so stock and sold codes commit together or not at all.
 */
interface BatchRow {
  id: string;
  med_list_codg: string;
  batch_no: string;
  expiry: string;
  on_hand: number;
  usable: boolean;
  /** Only where asked for (LEVEL_COLUMNS): the counters whose receipts brought the batch in. */
  receiving_counters?: string[];
}

const BATCH_COLUMNS = `id, med_list_codg, batch_no, expiry::text AS expiry, on_hand,
  expiry >= (now() AT TIME ZONE 'Asia/Shanghai')::date AS usable`;

/** A sale locks batches by BATCH_COLUMNS alone; the receiving counters are for the screens. */
const LEVEL_COLUMNS = `${BATCH_COLUMNS},
  ARRAY(SELECT DISTINCT m.counter_id FROM store_stock_movements m
        WHERE m.batch_id = store_batches.id AND m.kind = 'receive' ORDER BY 1) AS receiving_counters`;

const viewOf = (b: BatchRow): StoreBatchView => ({
  medListCodg: b.med_list_codg,
  batchNo: b.batch_no,
  expiry: b.expiry,
  onHand: b.on_hand,
  usable: b.usable,
  receivingCounters: b.receiving_counters ?? [],
});

async function beijingToday(c: Client): Promise<string> {
  const r = await c.query<{ today: string }>(
    `SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date::text AS today`,
  );
  return r.rows[0]?.today ?? '';
}

export async function receiveStock(
  c: Client,
  me: string,
  i: StoreInput<'stock.receive'>,
): Promise<Outcome<StockReceiveAnswer>> {
  const refuse = (refusal: ReturnType<typeof expiredBatch>): Outcome<StockReceiveAnswer> => ({
    answer: { verdict: 'refused', refusal },
    keep: false,
  });
  const today = await beijingToday(c);
  if (i.expiry < today) return refuse(expiredBatch(i.medListCodg, i.batchNo, i.expiry));
  try {
    assertSupplierMayDeliver(i.supplier, today);
  } catch (e) {
    if (!(e instanceof AppError) || !e.ruleId) throw e;
    return refuse(stockRefusal('SUPPLIER', e.ruleId, i.medListCodg, e.message));
  }
  await c.query(
    `INSERT INTO store_batches (med_list_codg, batch_no, expiry) VALUES ($1, $2, $3)
     ON CONFLICT (med_list_codg, batch_no) DO NOTHING`,
    [i.medListCodg, i.batchNo, i.expiry],
  );
  const batch = (
    await c.query<BatchRow>(
      `SELECT ${BATCH_COLUMNS} FROM store_batches WHERE med_list_codg = $1 AND batch_no = $2 FOR UPDATE`,
      [i.medListCodg, i.batchNo],
    )
  ).rows[0];
  if (!batch) throw new Error(`store batch ${i.batchNo} vanished`);
  if (batch.expiry !== i.expiry)
    return refuse(expiryMismatch(i.medListCodg, i.batchNo, batch.expiry));
  await c.query(
    `INSERT INTO store_stock_movements
       (batch_id, kind, delta, counter_id, supplier_name, supplier_licence_no, received_by)
     VALUES ($1, 'receive', $2, $3, $4, $5, $6)`,
    [batch.id, i.packs, me, i.supplier.name, i.supplier.licenceNo, i.receivedBy],
  );
  const after = (
    await c.query<BatchRow>(`SELECT ${LEVEL_COLUMNS} FROM store_batches WHERE id = $1`, [batch.id])
  ).rows[0];
  if (!after) throw new Error(`store batch ${i.batchNo} vanished`);
  return { answer: { verdict: 'received', batch: viewOf(after) }, keep: true };
}

/** The packs of a sale: codes.confirm, then each whole pack taken FEFO from its drug's batches. */
export async function sellStock(
  c: Client,
  me: string,
  i: StoreInput<'stock.sell'>,
): Promise<Outcome<StockSellAnswer>> {
  const sold = await confirm(c, me, {
    idempotencyKey: i.idempotencyKey,
    saleRef: i.saleRef,
    lines: i.lines,
    settlesRx: i.settlesRx,
  });
  if (sold.answer.verdict === 'refused') {
    return {
      answer: { verdict: 'refused', refusals: sold.answer.refusals, shortages: [] },
      keep: false,
    };
  }
  // Packs continued from an opened 拆零 pack left stock when that pack was first sold.
  const wholeCodes = i.lines.filter((l) => l.reusedUnits === null).map((l) => l.code);
  const sales = (
    await c.query<{ id: string; med_list_codg: string }>(
      `SELECT id, med_list_codg FROM code_sales
       WHERE counter_id = $1 AND sale_ref = $2 AND code = ANY ($3) AND returned_at IS NULL
       ORDER BY med_list_codg, id`,
      [me, i.saleRef, wholeCodes],
    )
  ).rows;
  const byDrug = new Map<string, string[]>();
  for (const s of sales)
    byDrug.set(s.med_list_codg, [...(byDrug.get(s.med_list_codg) ?? []), s.id]);
  const shortages = [];
  const shortfalls: Array<{ drug: string; packs: number }> = [];
  const taken: StockTaken[] = [];
  const movements: { batchIds: string[]; saleIds: string[] } = { batchIds: [], saleIds: [] };
  // Drugs in one order for every sale, batches in FEFO order: two sales wait, never deadlock.
  for (const [drug, saleIds] of [...byDrug].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const batches = (
      await c.query<BatchRow>(
        `SELECT ${BATCH_COLUMNS} FROM store_batches
         WHERE med_list_codg = $1 AND on_hand > 0
           AND expiry >= (now() AT TIME ZONE 'Asia/Shanghai')::date
         ORDER BY expiry, id FOR UPDATE`,
        [drug],
      )
    ).rows;
    const fefo = allocateFefo(
      batches.map((b, index) => ({ id: index, packsOnHand: b.on_hand })),
      saleIds.length,
    );
    if (fefo.shortBy > 0 && i.offline === true) {
      shortfalls.push({ drug, packs: fefo.shortBy });
    } else if (fefo.shortBy > 0) {
      shortages.push(shortOfStock(drug, saleIds.length, saleIds.length - fefo.shortBy));
      continue;
    }
    let next = 0;
    for (const a of fefo.allocations) {
      const b = batches[a.batchId] as BatchRow;
      taken.push({ medListCodg: drug, batchNo: b.batch_no, expiry: b.expiry, packs: a.packs });
      for (let p = 0; p < a.packs; p++) {
        movements.batchIds.push(b.id);
        movements.saleIds.push(saleIds[next++] as string);
      }
    }
  }
  if (shortages.length > 0) {
    return { answer: { verdict: 'refused', refusals: [], shortages }, keep: false };
  }
  await c.query(
    `INSERT INTO store_stock_movements (batch_id, kind, delta, counter_id, code_sale_id)
     SELECT b, 'sale', -1, $3, s FROM unnest($1::bigint[], $2::bigint[]) AS m (b, s)`,
    [movements.batchIds, movements.saleIds, me],
  );
  for (const f of shortfalls) {
    await c.query(
      `INSERT INTO store_stock_shortfalls (counter_id, sale_ref, med_list_codg, packs_short)
       VALUES ($1, $2, $3, $4)`,
      [me, i.saleRef, f.drug, f.packs],
    );
  }
  return {
    answer: {
      verdict: 'sold',
      sold: sold.answer.sold,
      at: sold.answer.at,
      taken,
      shortfalls: shortfalls.map((f) => soldOfflineShort(f.drug, f.packs, i.saleRef)),
    },
    keep: true,
  };
}

/** codes.return, and each returned pack back into the batch its sale took it from. */
export async function returnStock(
  c: Client,
  me: string,
  key: string,
  i: StoreInput<'stock.return'>,
): Promise<Outcome<StockReturnAnswer>> {
  const returned = await c.query<{ id: string }>(
    `UPDATE code_sales SET returned_at = now(), return_ref = $4
     WHERE code = ANY ($3) AND returned_at IS NULL AND counter_id = $1 AND sale_ref = $2
     RETURNING id`,
    [me, i.saleRef, i.codes, key],
  );
  await releaseClaimOfReturnedSale(c, me, i.saleRef);
  const restored = await c.query<StockTaken>(
    `WITH back AS (
       INSERT INTO store_stock_movements (batch_id, kind, delta, counter_id, code_sale_id)
       SELECT batch_id, 'return', 1, $1, code_sale_id FROM store_stock_movements
       WHERE kind = 'sale' AND code_sale_id = ANY ($2::bigint[])
       ORDER BY batch_id
       RETURNING batch_id)
     SELECT b.med_list_codg AS "medListCodg", b.batch_no AS "batchNo", b.expiry::text AS expiry,
       count(*)::int AS packs
     FROM back JOIN store_batches b ON b.id = back.batch_id
     GROUP BY b.med_list_codg, b.batch_no, b.expiry ORDER BY 1, 3, 2`,
    [me, returned.rows.map((r) => r.id)],
  );
  return {
    answer: { returned: returned.rowCount ?? 0, restored: restored.rows },
    keep: true,
  };
}

export async function stockLevels(
  pool: Pool,
  i: StoreInput<'stock.levels'>,
): Promise<StockLevelsAnswer> {
  const r = await pool.query<BatchRow & { now: Date }>(
    `SELECT ${LEVEL_COLUMNS}, now() FROM store_batches
     WHERE $1::text[] IS NULL OR med_list_codg = ANY ($1)
     ORDER BY med_list_codg, expiry, id`,
    [i.medListCodgs],
  );
  return { at: ms(r.rows[0]?.now ?? new Date()), batches: r.rows.map(viewOf) };
}
