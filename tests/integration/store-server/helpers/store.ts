import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type pg from 'pg';
import { createStoreClient, type StoreClient } from '../../../../src/store-link/store-client';
import type { StoreServerConfig } from '../../../../src/store-server/config';
import { createPool } from '../../../../src/store-server/database';
import { migrate } from '../../../../src/store-server/migrate';
import { type StoreServer, startStoreServer } from '../../../../src/store-server/server';

/** The sandbox pharmacy (config/sandbox.json), so sandbox counters can join this store. */
export const INSTITUTION = 'P50010300001';
export const COUNTERS = new Map([
  ['A', 'a'.repeat(20) + randomBytes(16).toString('hex')],
  ['B', 'b'.repeat(20) + randomBytes(16).toString('hex')],
  ['C', 'c'.repeat(20) + randomBytes(16).toString('hex')],
  ['D', 'd'.repeat(20) + randomBytes(16).toString('hex')],
]);
export const ROOT = path.resolve(import.meta.dirname, '../../../..');

export function storeConfig(databaseUrl: string, port = 0): StoreServerConfig {
  return {
    databaseUrl,
    institution: INSTITUTION,
    counters: COUNTERS,
    host: '127.0.0.1',
    port,
    reservationSeconds: 1800,
  };
}

/** A store server in this process, over real HTTP, on a migrated database. */
export async function startInProcessStore(
  databaseUrl: string,
  port = 0,
): Promise<{ pool: pg.Pool; server: StoreServer; stop: () => Promise<void> }> {
  const pool = createPool(databaseUrl, 40);
  await migrate(pool);
  const server = await startStoreServer(pool, storeConfig(databaseUrl, port));
  return {
    pool,
    server,
    stop: async () => {
      await server.close();
      await pool.end();
    },
  };
}

/** The store server as its own process (npm run store-server), for the crash tests. */
export function spawnStoreServer(
  databaseUrl: string,
  port: number,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/store-server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      STORE_DATABASE_URL: databaseUrl,
      STORE_INSTITUTION: INSTITUTION,
      STORE_COUNTERS: [...COUNTERS].map(([id, s]) => `${id}:${s}`).join(','),
      STORE_PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('门店服务器 30 秒内未就绪')), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /STORE_SERVER_READY (\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ url: m[1], child });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`门店服务器退出（退出码 ${code}）：${out}`));
    });
  });
}

export function counter(url: string, id: string, timeoutMs = 5000): StoreClient {
  const secret = COUNTERS.get(id) ?? 'x'.repeat(40);
  return createStoreClient({ url, institution: INSTITUTION, counterId: id, secret, timeoutMs });
}

let serial = 0;
/** A fresh pack code (a 20-digit 药品追溯码) and a fresh idempotency key. */
export const packCode = () =>
  `8${String(Date.now() % 1e9).padStart(9, '0')}${String(++serial).padStart(10, '0')}`;
export const key = (what: string) => `${what}-${randomBytes(8).toString('hex')}`;

export async function clearRegistry(pool: pg.Pool): Promise<void> {
  await pool.query(
    'TRUNCATE code_reservations, code_sales, center_refused_codes, idempotency_keys, request_nonces, store_stock_movements, store_batches, store_stock_shortfalls',
  );
}
