import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createPool } from '../../../src/store-server/database';
import { migrate, migrationFiles, runMigrations } from '../../../src/store-server/migrate';
import { postgresForThisFile } from '../store-server/helpers/postgres';
import { INSTITUTION } from '../store-server/helpers/store';

/**
 * Store migration 010 on a store database that already has records (a store server of an
 * earlier version): its rows must reach head office named by their institution, or not at all.
 */
const cluster = postgresForThisFile();
const pools: pg.Pool[] = [];
afterAll(async () => {
  for (const p of pools) await p.end();
});

async function storeBefore010(db: string): Promise<pg.Pool> {
  const admin = new pg.Client({ connectionString: cluster.url() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${db}`);
  await admin.end();
  const pool = createPool(cluster.url().replace(/\/store$/, `/${db}`), 4);
  pools.push(pool);
  await runMigrations(pool, {
    files: migrationFiles().filter((f) => f.version < 10),
    lockName: 'store-server-migrations',
    what: '门店服务器',
  });
  await pool.query(`INSERT INTO counters (counter_id) VALUES ('A')`);
  await pool.query(
    `INSERT INTO store_settlements (counter_id, kind, local_id, setl_id, hi_rxno, medfee_fen,
       fund_fen, acct_fen, cash_fen, at)
     VALUES ('A', 'settle', 1, 'S1', 'RX1', 1000, 600, 300, 100, now())`,
  );
  await pool.query(
    `INSERT INTO store_cash_sales (counter_id, local_id, total_fen, sold_at) VALUES ('A', 1, 500, now())`,
  );
  return pool;
}

const institutionsOf = async (pool: pg.Pool, table: string) =>
  (await pool.query(`SELECT DISTINCT institution FROM ${table}`)).rows.map((r) => r.institution);

describe('store migration 010 on a store that already has records', () => {
  it('names the existing settlements and cash sales by the server’s institution, and later ones too [R-KEEP][R-RECON]', async () => {
    const pool = await storeBefore010('store_upgraded');
    expect(await migrate(pool, INSTITUTION)).toContain(10);
    expect(await institutionsOf(pool, 'store_settlements')).toEqual([INSTITUTION]);
    expect(await institutionsOf(pool, 'store_cash_sales')).toEqual([INSTITUTION]);
    await pool.query(
      `INSERT INTO store_cash_sales (counter_id, local_id, total_fen, sold_at) VALUES ('A', 2, 300, now())`,
    );
    expect(await institutionsOf(pool, 'store_cash_sales')).toEqual([INSTITUTION]);
    await expect(
      pool.query('UPDATE store_identity SET institution = $1', ['P50010399999']),
    ).rejects.toThrow();
  });

  it('without the institution it refuses to migrate and leaves the store as it was, rather than rows of no store [R-KEEP][R-RECON]', async () => {
    const pool = await storeBefore010('store_unnamed');
    await expect(migrate(pool)).rejects.toThrow(/010-head-office-publication\.sql 失败/);
    const applied = await pool.query('SELECT max(version)::int AS v FROM schema_migrations');
    expect(applied.rows[0]?.v).toBe(9);
    expect((await pool.query('SELECT count(*)::int AS n FROM store_settlements')).rows[0]?.n).toBe(
      1,
    );
  });
});
