import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { type PgCluster, startPgCluster } from '../../../../scripts/lib/pg-cluster';
import { migrateHeadOffice } from '../../../../src/head-office/migrate';
import { createStoreClient, type StoreClient } from '../../../../src/store-link/store-client';
import { createPool } from '../../../../src/store-server/database';
import { migrate } from '../../../../src/store-server/migrate';
import { type StoreServer, startStoreServer } from '../../../../src/store-server/server';
import { cuttableLink } from '../../store-server/helpers/cuttable-link';
import { COUNTERS, storeConfig } from '../../store-server/helpers/store';
import { freePort } from '../../store-server/helpers/store-counters';

/** The sandbox pharmacy (store A) and a second pharmacy of the same chain (store B). */
export const STORE_A = 'P50010300001';
export const STORE_B = 'P50010300002';

export interface ChainStore {
  institution: string;
  url: string;
  pool: pg.Pool;
  server: StoreServer;
  counter(id: string): StoreClient;
}

export interface Chain {
  cluster: PgCluster;
  a: ChainStore;
  b: ChainStore;
  headOffice: pg.Pool;
  headOfficeUrl: string;
  /** the TCP link the head office reaches store B's database through (cut: B offline) */
  linkToB: Awaited<ReturnType<typeof cuttableLink>>;
  linkToBUrl: string;
}

/**
 * One throwaway cluster with wal_level=logical holding two store databases (two institutions,
 * each with its real store server over HTTP) and the head-office database, dropped afterwards.
 */
export function chainForThisFile(): () => Chain {
  let chain: Chain | undefined;
  let cluster: PgCluster | undefined;
  beforeAll(async () => {
    cluster = await startPgCluster({ fastUnsafe: true, logicalReplication: true });
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    for (const db of ['store_a', 'store_b', 'head_office'])
      await admin.query(`CREATE DATABASE ${db}`);
    await admin.end();
    const dbUrl = (db: string) => cluster?.url.replace(/\/store$/, `/${db}`) ?? '';
    const a = await startStore(dbUrl('store_a'), STORE_A);
    const b = await startStore(dbUrl('store_b'), STORE_B);
    const linkPort = await freePort();
    const linkToB = await cuttableLink(cluster.port, linkPort);
    const headOffice = new pg.Pool({ connectionString: dbUrl('head_office'), max: 4 });
    await migrateHeadOffice(headOffice);
    chain = {
      cluster,
      a,
      b,
      headOffice,
      headOfficeUrl: dbUrl('head_office'),
      linkToB,
      linkToBUrl: `postgres://postgres@127.0.0.1:${linkPort}/store_b`,
    };
  }, 120_000);
  afterAll(async () => {
    if (chain) {
      await chain.headOffice.end();
      for (const s of [chain.a, chain.b]) {
        await s.server.close();
        await s.pool.end();
      }
      await chain.linkToB.cut();
    }
    cluster?.stop();
  });
  return () => {
    if (!chain) throw new Error('连锁测试集群未启动');
    return chain;
  };
}

async function startStore(databaseUrl: string, institution: string): Promise<ChainStore> {
  const pool = createPool(databaseUrl, 10);
  await migrate(pool, institution);
  const server = await startStoreServer(pool, { ...storeConfig(databaseUrl), institution });
  return {
    institution,
    url: databaseUrl,
    pool,
    server,
    counter: (id) =>
      createStoreClient({
        url: server.url,
        institution,
        counterId: id,
        secret: COUNTERS.get(id) ?? '',
        timeoutMs: 10_000,
      }),
  };
}

/**
 * Polls until `check` holds (replication is asynchronous), failing with `what` after 60 s (the
 * machine is shared; a healthy run takes well under a second).
 */
export async function eventually(
  what: string,
  check: () => Promise<boolean>,
  ms = 60_000,
  explain: () => string = () => '',
) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`${ms / 1000} 秒内未等到：${what}\n${explain()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The cluster's log lines about replication, for a failure message. */
export function replicationLog(chain: Chain): string {
  const log = readFileSync(path.join(chain.cluster.dir, 'server.log'), 'utf8');
  return log
    .split('\n')
    .filter((l) => /replication|subscription|worker|ERROR/i.test(l))
    .slice(-30)
    .join('\n');
}

/** Head office has every row the store has of each replicated table. */
export async function caughtUp(chain: Chain, store: ChainStore): Promise<boolean> {
  for (const table of [
    'store_settlements',
    'store_cash_sales',
    'store_batches',
    'store_stock_movements',
  ]) {
    const there = await store.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    const here = await chain.headOffice.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${table} WHERE institution = $1`,
      [store.institution],
    );
    if (there.rows[0]?.n !== here.rows[0]?.n) return false;
  }
  return true;
}
