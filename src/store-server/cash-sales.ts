import type { CashSaleRecord } from '../contract/store-protocol-cash';
import type { Client } from './database';
import type { Outcome } from './idempotent';

/** Cash sales of one counter, stored once each (R-KEEP): a resent batch adds only what is new. */
export async function recordCashSales(
  c: Client,
  me: string,
  sales: CashSaleRecord[],
): Promise<Outcome<{ recorded: number; alreadyKept: number }>> {
  let recorded = 0;
  for (const s of sales) {
    const stored = await c.query(
      `INSERT INTO store_cash_sales (counter_id, local_id, total_fen, sold_at)
       VALUES ($1, $2, $3, to_timestamp($4 / 1000.0))
       ON CONFLICT (counter_id, local_id) DO NOTHING`,
      [me, s.localId, s.totalFen, s.soldAt],
    );
    recorded += stored.rowCount ?? 0;
  }
  return { answer: { recorded, alreadyKept: sales.length - recorded }, keep: true };
}

export async function lastCashSale(c: Pick<Client, 'query'>, me: string): Promise<number> {
  const r = await c.query<{ last: string | null }>(
    'SELECT max(local_id)::text AS last FROM store_cash_sales WHERE counter_id = $1',
    [me],
  );
  return Number(r.rows[0]?.last ?? 0);
}

/** One Beijing day's cash sales per counter: how many, and their sum in fen. */
export async function cashTakingsOfDay(
  c: Pick<Client, 'query'>,
  day: string,
): Promise<Map<string, { cashSales: number; cashSalesFen: number }>> {
  const rows = await c.query<{ counter_id: string; n: string; fen: string }>(
    `SELECT counter_id, count(*)::text AS n, sum(total_fen)::text AS fen FROM store_cash_sales
     WHERE sold_at >= ($1::date::timestamp AT TIME ZONE 'Asia/Shanghai')
       AND sold_at < (($1::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
     GROUP BY counter_id`,
    [day],
  );
  return new Map(
    rows.rows.map((r) => [r.counter_id, { cashSales: Number(r.n), cashSalesFen: Number(r.fen) }]),
  );
}
