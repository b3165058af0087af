import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sm3Hex } from '../../../src/center/crypto';
import { PaperRepository } from '../../../src/store/paper-repository';
import { StoreUnreachableError } from '../../../src/store-link/store-client';
import { createPool } from '../../../src/store-server/database';
import { type Harness, startHarness } from '../../support/app-harness';
import { AMLODIPINE, fakePng, paperFields } from '../../support/paper-fixtures';
import { postgresForThisFile } from './helpers/postgres';
import { COUNTERS, spawnStoreServer } from './helpers/store';
import { freePort } from './helpers/store-counters';

/**
 * The paper archive's store index (issue 17, D56): the counter's paper_prescriptions is the
 * queue and the store's `paper.indexLast` the cursor; killed (SIGKILL) in the middle of a pass,
 * the store keeps each archive entry exactly once.
 */
const pg15 = postgresForThisFile();
let pool: ReturnType<typeof createPool>;
let port = 0;
let child: ChildProcess | undefined;
let url = '';
let counter: Harness;

async function start(): Promise<void> {
  const s = await spawnStoreServer(pg15.url(), port);
  child = s.child;
  url = s.url;
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
const pass = () => {
  const d = counter.services.paper.toStore;
  if (!d) throw new Error('store mode expected');
  return d.deliverNow();
};
const localCount = () =>
  counter.services.db.prepare('SELECT count(*) FROM paper_prescriptions').pluck().get() as number;
const stored = async () =>
  (
    await pool.query(
      `SELECT count(*)::int AS n, count(DISTINCT local_id)::int AS d FROM paper_archive_index
       WHERE counter_id = 'A'`,
    )
  ).rows[0] as { n: number; d: number };

/** Paper prescriptions archived at the counter as a capture stores them (one shared image). */
function archive(n: number): void {
  const repo = new PaperRepository(counter.services.db);
  const image = fakePng();
  const sm3 = sm3Hex(image);
  const by = counter.services.db
    .prepare("SELECT id FROM staff WHERE role = 'pharmacist' ORDER BY id LIMIT 1")
    .pluck()
    .get() as number;
  for (let i = 0; i < n; i++) {
    repo.insert(
      {
        ...paperFields(),
        imageSm3: sm3,
        regionId: '500000',
        warnings: '[]',
        capturedBy: by,
        createdAt: Date.now(),
        confirmedByCapturer: true,
        lines: [
          {
            lineNo: 1,
            medListCodg: AMLODIPINE,
            genname: '苯磺酸氨氯地平片',
            spec: '5mg*28片',
            unit: '盒',
            quantity: 1,
            days: 28,
            dualChannel: false,
          },
        ],
      },
      { sm3, mime: 'image/png', size: image.length, bytes: image },
    );
  }
}

beforeAll(async () => {
  pool = createPool(pg15.url(), 4);
  port = await freePort();
  await start();
  counter = await startHarness({
    store: { mode: 'counter', url, counterId: 'A', secret: COUNTERS.get('A') ?? '' },
  });
  // Each pass is driven by the test (deliverNow), not by its timer.
  await counter.services.paper.toStore?.stop();
}, 120_000);
afterAll(async () => {
  await counter?.close();
  await kill();
  await pool?.end();
});

describe('store server: the paper archive index', () => {
  it('a pass cut off by SIGKILL of the store server is resumed after the restart and indexes each archive entry exactly once [R-PAPER-KEEP][R-PAPER-NO]', async () => {
    archive(40);
    const t0 = performance.now();
    await pass();
    const warm = performance.now() - t0;
    expect(await stored()).toEqual({ n: localCount(), d: localCount() });

    const rounds = 6;
    let cutOff = 0;
    for (let round = 1; round <= rounds; round++) {
      archive(450);
      const running = pass().then(
        (a) => a,
        (e: unknown) => e,
      );
      // Kill before, during and after the pass's five batches.
      await new Promise((r) => setTimeout(r, (warm * 12 * (round - 1)) / (rounds - 1)));
      await kill();
      if ((await running) instanceof StoreUnreachableError) cutOff++;
      await start();
      const resumed = await pass();
      expect(await stored()).toEqual({ n: localCount(), d: localCount() });
      // The next pass starts at the store's cursor: nothing is sent twice once stored.
      expect(resumed.recorded).toBe(resumed.sent);
    }
    expect(cutOff).toBeGreaterThan(0);
    expect(await pass()).toEqual({ sent: 0, recorded: 0, dispensed: 0 });
  }, 300_000);
});
