import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StockSellAnswer } from '../../../src/contract/types-store-stock';
import { StoreUnreachableError } from '../../../src/store-link/store-client';
import { createPool } from '../../../src/store-server/database';
import { postgresForThisFile } from './helpers/postgres';
import { batchLedger, receive, sell } from './helpers/stock';
import { counter, key, packCode, spawnStoreServer } from './helpers/store';

/** The store server killed (SIGKILL) in the middle of sales that take stock (D49). */
const MED = 'XC08CAA010A001010201587';
const PACKS = 30;
const pg15 = postgresForThisFile();
let pool: ReturnType<typeof createPool>;
let port: number;
let child: ChildProcess | undefined;

beforeAll(async () => {
  pool = createPool(pg15.url(), 4);
  port = await freePort();
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await pool?.end();
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

async function start(): Promise<string> {
  const s = await spawnStoreServer(pg15.url(), port);
  child = s.child;
  return s.url;
}

function kill(): Promise<void> {
  const c = child;
  child = undefined;
  if (!c || c.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    c.once('exit', () => resolve());
    c.kill('SIGKILL');
  });
}

/** Per code of a sale: its live sales and the stock movements naming them. */
async function trail(codes: string[]) {
  const r = await pool.query<{ sales: number; taken: number }>(
    `SELECT count(DISTINCT s.id)::int AS sales, count(m.id)::int AS taken
     FROM code_sales s LEFT JOIN store_stock_movements m ON m.code_sale_id = s.id AND m.kind = 'sale'
     WHERE s.code = ANY ($1) AND s.returned_at IS NULL`,
    [codes],
  );
  return r.rows[0];
}

describe('store server killed mid-sale', () => {
  it('a sale cut off by SIGKILL and retried after restart takes its stock exactly once: no lost or doubled movement [R-STOCK][R-TRACE-ONCE]', async () => {
    let url = await start();
    expect((await receive(counter(url, 'A'), MED, 'L-LATE', '2028-12-31', 400)).verdict).toBe(
      'received',
    );
    expect((await receive(counter(url, 'B'), MED, 'L-EARLY', '2027-06-30', 200)).verdict).toBe(
      'received',
    );
    // How long one uncut sale of 30 packs takes here, to spread the kills across it.
    const t0 = performance.now();
    await sell(counter(url, 'A'), 'warm', MED, Array.from({ length: PACKS }, packCode));
    const took = performance.now() - t0;
    const rounds = 10;
    let cutOff = 0;
    let committedBeforeRetry = 0;
    for (let round = 0; round < rounds; round++) {
      const codes = Array.from({ length: PACKS }, packCode);
      const k = key('sell');
      const first = sell(
        counter(url, round % 2 ? 'B' : 'A', 2000),
        `crash-${round}`,
        MED,
        codes,
        k,
      ).then(
        (answer) => answer,
        (e: unknown) => e,
      );
      // Kill before, during and after the transaction commits.
      await new Promise((r) => setTimeout(r, (took * 1.6 * round) / (rounds - 1)));
      await kill();
      const got = await first;
      if (got instanceof StoreUnreachableError) cutOff++;
      if ((await trail(codes))?.sales === PACKS) committedBeforeRetry++;
      url = await start();
      // The counter retries with the same idempotency key after the restart.
      const retry = (await sell(
        counter(url, round % 2 ? 'B' : 'A'),
        `crash-${round}`,
        MED,
        codes,
        k,
      )) as StockSellAnswer;
      expect(retry.verdict).toBe('sold');
      if (!(got instanceof Error)) expect(retry).toEqual(got);
      expect(await trail(codes)).toEqual({ sales: PACKS, taken: PACKS });
    }
    expect(cutOff).toBeGreaterThan(0);
    expect(committedBeforeRetry).toBeGreaterThan(0);
    // 11 sales of 30 packs: the early batch (200) first, then 130 from the late one.
    expect(await batchLedger(pool, MED)).toEqual([
      { batch_no: 'L-EARLY', on_hand: 0, moved: 0, sold: 200 },
      { batch_no: 'L-LATE', on_hand: 270, moved: 270, sold: 130 },
    ]);
  }, 300_000);
});
