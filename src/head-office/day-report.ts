import type pg from 'pg';
import type { StoreDayReport, StoreDayTotals } from '../contract/types-store-settlements';
import { readOnly } from './read-only';
import { type StoreFeed, storeFeeds } from './replication-status';

/** One Beijing day across the chain: each store as its own day report shows it, and the sum. */
export interface ChainDayReport {
  day: string;
  stores: Array<{ institution: string } & StoreDayReport>;
  chain: StoreDayTotals;
  /** how current each store's records are (a store whose link is down is behind) */
  feeds: StoreFeed[];
}

type CounterTotals = { counterId: string } & StoreDayTotals;

const zero = (): StoreDayTotals => ({
  settlements: 0,
  refunds: 0,
  medfeeFen: 0,
  fundFen: 0,
  acctFen: 0,
  cashFen: 0,
  cashSales: 0,
  cashSalesFen: 0,
});

function add(into: StoreDayTotals, t: StoreDayTotals): void {
  for (const k of Object.keys(into) as Array<keyof StoreDayTotals>) into[k] += t[k];
}

/**
 * The chain's day report (R-RECON) from the replicated records: settlements minus refunds and
 * cash takings per counter of each store, summed per store and for the chain, with the same
 * Beijing-day bounds as the store's own `settlements.dayReport`. Every subscribed store is
 * listed, also one with nothing that day.
 */
export function chainDayReport(pool: pg.Pool, day: string): Promise<ChainDayReport> {
  return readOnly(pool, async (c) => {
    const rows = (
      await c.query<{
        institution: string;
        counter_id: string;
        settlements: string;
        refunds: string;
        medfee: string;
        fund: string;
        acct: string;
        cash: string;
        cash_sales: string;
        cash_sales_fen: string;
      }>(
        `WITH bounds AS (
           SELECT ($1::date::timestamp AT TIME ZONE 'Asia/Shanghai') AS from_at,
                  (($1::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AS to_at),
         settled AS (
           SELECT institution, counter_id,
             count(*) FILTER (WHERE kind = 'settle') AS settlements,
             count(*) FILTER (WHERE kind = 'refund') AS refunds,
             sum(CASE kind WHEN 'settle' THEN medfee_fen ELSE -medfee_fen END) AS medfee,
             sum(CASE kind WHEN 'settle' THEN fund_fen ELSE -fund_fen END) AS fund,
             sum(CASE kind WHEN 'settle' THEN acct_fen ELSE -acct_fen END) AS acct,
             sum(CASE kind WHEN 'settle' THEN cash_fen ELSE -cash_fen END) AS cash
           FROM store_settlements, bounds WHERE at >= from_at AND at < to_at
           GROUP BY institution, counter_id),
         takings AS (
           SELECT institution, counter_id, count(*) AS cash_sales, sum(total_fen) AS cash_sales_fen
           FROM store_cash_sales, bounds WHERE sold_at >= from_at AND sold_at < to_at
           GROUP BY institution, counter_id)
         SELECT institution, counter_id,
           coalesce(s.settlements, 0) AS settlements, coalesce(s.refunds, 0) AS refunds,
           coalesce(s.medfee, 0) AS medfee, coalesce(s.fund, 0) AS fund,
           coalesce(s.acct, 0) AS acct, coalesce(s.cash, 0) AS cash,
           coalesce(t.cash_sales, 0) AS cash_sales, coalesce(t.cash_sales_fen, 0) AS cash_sales_fen
         FROM settled s FULL JOIN takings t USING (institution, counter_id)
         ORDER BY institution, counter_id`,
        [day],
      )
    ).rows;
    const feeds = await storeFeeds(c);
    const byStore = new Map<string, CounterTotals[]>(feeds.map((f) => [f.institution, []]));
    for (const r of rows) {
      const counters = byStore.get(r.institution) ?? [];
      counters.push({
        counterId: r.counter_id,
        settlements: Number(r.settlements),
        refunds: Number(r.refunds),
        medfeeFen: Number(r.medfee),
        fundFen: Number(r.fund),
        acctFen: Number(r.acct),
        cashFen: Number(r.cash),
        cashSales: Number(r.cash_sales),
        cashSalesFen: Number(r.cash_sales_fen),
      });
      byStore.set(r.institution, counters);
    }
    const chain = zero();
    const stores = [...byStore].map(([institution, counters]) => {
      counters.sort((a, b) => a.counterId.localeCompare(b.counterId));
      const store = zero();
      for (const t of counters) add(store, t);
      add(chain, store);
      return { institution, day, counters, store };
    });
    stores.sort((a, b) => a.institution.localeCompare(b.institution));
    return { day, stores, chain, feeds };
  });
}
