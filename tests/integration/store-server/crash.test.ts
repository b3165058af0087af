import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfirmAnswer } from '../../../src/contract/types-store';
import { StoreUnreachableError } from '../../../src/store-link/store-client';
import { createPool } from '../../../src/store-server/database';
import { postgresForThisFile } from './helpers/postgres';
import { counter, key, packCode, spawnStoreServer } from './helpers/store';

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

describe('store server killed mid-completion', () => {
  it('a completion cut off by a crash and retried after restart sells each pack exactly once [R-TRACE-ONCE][ST-EPC-02-009][STORE-CRASH]', async () => {
    let url = await start();
    const confirmOf = (codes: string[], saleRef: string) => ({
      idempotencyKey: key('confirm'),
      saleRef,
      lines: codes.map((code) => ({
        code,
        medListCodg: 'XA01ABC0001',
        unitsPerPack: null,
        unitsLeft: null,
        reusedUnits: null,
      })),
    });
    const soldOf = async (codes: string[]) =>
      (
        await pool.query(
          'SELECT code, count(*)::int AS n FROM code_sales WHERE code = ANY ($1) GROUP BY code',
          [codes],
        )
      ).rows as Array<{ code: string; n: number }>;
    // How long one uncut completion of 40 packs takes here, to spread the kills across it.
    const t0 = performance.now();
    await counter(url, 'A').call(
      'codes.confirm',
      confirmOf(Array.from({ length: 40 }, packCode), 'warm'),
    );
    const took = performance.now() - t0;
    const rounds = 10;
    let committedBeforeRetry = 0;
    let cutOff = 0;
    for (let round = 0; round < rounds; round++) {
      const codes = Array.from({ length: 40 }, packCode);
      const input = confirmOf(codes, `crash-${round}`);
      const first = counter(url, 'A', 2000)
        .call('codes.confirm', input)
        .then(
          (answer) => answer,
          (e: unknown) => e,
        );
      // Kill before, during and after the transaction commits.
      await new Promise((r) => setTimeout(r, (took * 1.6 * round) / (rounds - 1)));
      await kill();
      const got = await first;
      if (got instanceof StoreUnreachableError) cutOff++;
      if ((await soldOf(codes)).length === codes.length) committedBeforeRetry++;
      url = await start();
      // The counter retries with the same idempotency key after the restart.
      const retry = (await counter(url, 'A').call('codes.confirm', input)) as ConfirmAnswer;
      expect(retry.verdict).toBe('confirmed');
      if (!(got instanceof Error)) expect(retry).toEqual(got);
      const rows = await soldOf(codes);
      expect(rows).toHaveLength(codes.length);
      expect(rows.every((r) => r.n === 1)).toBe(true);
    }
    // Both cases happened: a completion cut off before its answer, and one the retry found committed.
    expect(cutOff).toBeGreaterThan(0);
    expect(committedBeforeRetry).toBeGreaterThan(0);
  }, 240_000);
});
