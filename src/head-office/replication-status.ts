import type pg from 'pg';

export interface StoreFeed {
  institution: string;
  /** ms since epoch: the last time the store's changes reached head office (null: never yet) */
  receivedUpTo: number | null;
  /** the subscription's apply worker is running (false: the store cannot be reached now) */
  connected: boolean;
}

/**
 * How current each store's records at head office are: a report from replicated data says so,
 * since a store whose link is down is behind until it catches up.
 */
export async function storeFeeds(c: Pick<pg.PoolClient, 'query'>): Promise<StoreFeed[]> {
  const r = await c.query<{ institution: string; received: string | null; pid: number | null }>(
    `SELECT s.institution,
       (extract(epoch FROM max(st.latest_end_time)) * 1000)::bigint::text AS received,
       max(st.pid) FILTER (WHERE st.relid IS NULL) AS pid
     FROM stores s
     LEFT JOIN pg_stat_subscription st ON st.subname = s.subscription
     GROUP BY s.institution ORDER BY s.institution`,
  );
  return r.rows.map((row) => ({
    institution: row.institution,
    receivedUpTo: row.received === null ? null : Number(row.received),
    connected: row.pid !== null,
  }));
}
