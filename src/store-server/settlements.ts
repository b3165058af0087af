import type { SettlementRecordInput } from '../contract/store-protocol-settlements';
import type {
  SettlementsRecordAnswer,
  StoreDayReport,
  StoreDayTotals,
} from '../contract/types-store-settlements';
import { cashTakingsOfDay } from './cash-sales';
import type { Client } from './database';
import type { Outcome } from './idempotent';

/**
 * The store's settlement records (R-SETTLE, R-KEEP): append-only, one row per (counter, kind,
 * counter's settlement id). A new settlement keeps its prescription's claim (settled at that
 * counter); a new refund releases it, as the center restores the prescription (R-REVERSE).
 */
export async function recordSettlements(
  c: Client,
  me: string,
  records: SettlementRecordInput[],
): Promise<Outcome<SettlementsRecordAnswer>> {
  let recorded = 0;
  for (const r of records) {
    const stored = await c.query(
      `INSERT INTO store_settlements (counter_id, kind, local_id, setl_id, hi_rxno, medfee_fen,
         fund_fen, acct_fen, cash_fen, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, to_timestamp($10 / 1000.0))
       ON CONFLICT (counter_id, kind, local_id) DO NOTHING`,
      [
        me,
        r.kind,
        r.localId,
        r.setlId,
        r.hiRxno,
        r.medfeeFen,
        r.fundFen,
        r.acctFen,
        r.cashFen,
        r.at,
      ],
    );
    if (stored.rowCount !== 1) continue;
    recorded++;
    if (r.kind === 'settle') await keepClaim(c, me, r);
    else await releaseSettledClaim(c, me, r.hiRxno);
  }
  return { answer: { recorded, alreadyKept: records.length - recorded }, keep: true };
}

async function keepClaim(c: Client, me: string, r: SettlementRecordInput): Promise<void> {
  const kept = await c.query(
    `INSERT INTO rx_claims (hi_rxno, counter_id, claimed_at, settled_at, settlement_id)
     VALUES ($1, $2, to_timestamp($3 / 1000.0), to_timestamp($3 / 1000.0), $4)
     ON CONFLICT (hi_rxno) DO UPDATE SET settled_at = excluded.settled_at,
       settlement_id = excluded.settlement_id
     WHERE rx_claims.counter_id = excluded.counter_id`,
    [r.hiRxno, me, r.at, r.setlId],
  );
  if (kept.rowCount === 1) {
    await c.query(
      `INSERT INTO rx_claim_events (hi_rxno, counter_id, event) VALUES ($1, $2, 'settled')`,
      [r.hiRxno, me],
    );
  }
}

async function releaseSettledClaim(c: Client, me: string, hiRxno: string): Promise<void> {
  const gone = await c.query('DELETE FROM rx_claims WHERE hi_rxno = $1 AND counter_id = $2', [
    hiRxno,
    me,
  ]);
  if (gone.rowCount === 1) {
    await c.query(
      `INSERT INTO rx_claim_events (hi_rxno, counter_id, event) VALUES ($1, $2, 'released')`,
      [hiRxno, me],
    );
  }
}

export async function lastRecordedAt(c: Pick<Client, 'query'>, me: string): Promise<number | null> {
  const r = await c.query<{ last: string | null }>(
    'SELECT (extract(epoch FROM max(at)) * 1000)::bigint::text AS last FROM store_settlements WHERE counter_id = $1',
    [me],
  );
  const last = r.rows[0]?.last;
  return last === null || last === undefined ? null : Number(last);
}

/**
 * One Beijing day's settlements minus refunds and its cash sales, per counter (any counter with
 * either) and for the store.
 */
export async function dayReport(c: Pick<Client, 'query'>, day: string): Promise<StoreDayReport> {
  const rows = (
    await c.query<{
      counter_id: string;
      settlements: string;
      refunds: string;
      medfee: string;
      fund: string;
      acct: string;
      cash: string;
    }>(
      `SELECT counter_id,
         count(*) FILTER (WHERE kind = 'settle') AS settlements,
         count(*) FILTER (WHERE kind = 'refund') AS refunds,
         sum(CASE kind WHEN 'settle' THEN medfee_fen ELSE -medfee_fen END) AS medfee,
         sum(CASE kind WHEN 'settle' THEN fund_fen ELSE -fund_fen END) AS fund,
         sum(CASE kind WHEN 'settle' THEN acct_fen ELSE -acct_fen END) AS acct,
         sum(CASE kind WHEN 'settle' THEN cash_fen ELSE -cash_fen END) AS cash
       FROM store_settlements
       WHERE at >= ($1::date::timestamp AT TIME ZONE 'Asia/Shanghai')
         AND at < (($1::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
       GROUP BY counter_id ORDER BY counter_id`,
      [day],
    )
  ).rows;
  const cash = await cashTakingsOfDay(c, day);
  const none = { cashSales: 0, cashSalesFen: 0 };
  const counters = rows.map((r) => ({
    counterId: r.counter_id,
    settlements: Number(r.settlements),
    refunds: Number(r.refunds),
    medfeeFen: Number(r.medfee),
    fundFen: Number(r.fund),
    acctFen: Number(r.acct),
    cashFen: Number(r.cash),
    ...(cash.get(r.counter_id) ?? none),
  }));
  for (const [counterId, takings] of cash) {
    if (counters.some((t) => t.counterId === counterId)) continue;
    const zero = { settlements: 0, refunds: 0, medfeeFen: 0, fundFen: 0, acctFen: 0, cashFen: 0 };
    counters.push({ counterId, ...zero, ...takings });
  }
  counters.sort((a, b) => a.counterId.localeCompare(b.counterId));
  const store: StoreDayTotals = {
    settlements: 0,
    refunds: 0,
    medfeeFen: 0,
    fundFen: 0,
    acctFen: 0,
    cashFen: 0,
    cashSales: 0,
    cashSalesFen: 0,
  };
  for (const t of counters) {
    for (const k of Object.keys(store) as Array<keyof StoreDayTotals>) store[k] += t[k];
  }
  return { day, counters, store };
}
