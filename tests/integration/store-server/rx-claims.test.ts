import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrescriptionView, RxCandidate } from '../../../src/contract/types';
import type { DispensingView } from '../../../src/contract/types-dispense';
import type { RxClaimAnswer } from '../../../src/contract/types-store-rx';
import { createPrescription } from '../../../src/sandbox/hospital/create-prescription';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { type RunningSandbox, startSandbox } from '../../../src/sandbox/server';
import type { ReviewGate } from '../../../src/services/dispense/review-gate';
import { STORE_UNREACHABLE_CLAIM } from '../../../src/services/dispense/store-linked-claims';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { postgresForThisFile } from './helpers/postgres';
import { COUNTERS, counter, key, startInProcessStore } from './helpers/store';

/**
 * A downloaded prescription is dispensed at one counter only (issue 17, R-STATUS): the store
 * server holds which counter claimed it. Two whole counter apps of one pharmacy share one
 * sandbox center (as a real pharmacy shares one center) and one store server on PostgreSQL.
 */
const AMLODIPINE = 'XC08CAA010A001010201587';
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const [zhang] = DEMO_PATIENTS;
if (!pharmacist || !zhang) throw new Error('demo data missing');
const passAll: ReviewGate = { isReviewPassed: () => ({ passed: true, reason: '审方已通过' }) };

const pg15 = postgresForThisFile();
let store: Awaited<ReturnType<typeof startInProcessStore>>;
let storePort = 0;
let center: RunningSandbox;
let centerDir = '';
const counters: Record<'A' | 'B', { h: Harness; token: string }> = {} as never;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

async function counterOfStore(id: 'A' | 'B'): Promise<{ h: Harness; token: string }> {
  const h = await startHarness({
    sandbox: center,
    store: {
      mode: 'counter',
      url: store.server.url,
      counterId: id,
      secret: COUNTERS.get(id) ?? '',
    },
  });
  // biome-ignore lint/correctness/useHookAtTopLevel: useReviewGate is the dispense area's setter, not a React hook
  h.services.dispense.useReviewGate(passAll);
  const login = await h.api<{ token: string }>('auth.login', {
    username: pharmacist?.username,
    password: pharmacist?.password,
  });
  return { h, token: login.value?.token ?? '' };
}

const call = <T>(id: 'A' | 'B', method: string, input: unknown) =>
  counters[id].h.api<T>(method, input, counters[id].token);
async function ok<T>(id: 'A' | 'B', method: string, input: unknown): Promise<T> {
  const r = await call<T>(id, method, input);
  expect(r.ok, `${id} ${method}: ${r.error?.message}`).toBe(true);
  return r.value as T;
}

/** One prescription of the shared center, downloaded at both counters. */
async function rxAtBothCounters(): Promise<string> {
  const rx = await createPrescription(
    { baseUrl: center.url },
    { patient: zhang as never, drugs: [{ medListCodg: AMLODIPINE, packs: 1 }] },
  );
  for (const id of ['A', 'B'] as const) {
    const found = await ok<RxCandidate[]>(id, 'rx.find', { by: 'qr', qr: rx.qr });
    await ok<PrescriptionView>(id, 'rx.download', found[0]?.ticket);
  }
  return rx.hiRxno;
}

beforeAll(async () => {
  storePort = await freePort();
  store = await startInProcessStore(pg15.url(), storePort);
  centerDir = mkdtempSync(path.join(os.tmpdir(), 'epc-center-'));
  center = await startSandbox({ port: 0, dbFile: path.join(centerDir, 'sandbox.db') });
  counters.A = await counterOfStore('A');
  counters.B = await counterOfStore('B');
}, 120_000);
afterAll(async () => {
  for (const c of Object.values(counters)) await c?.h.close();
  await center?.close();
  if (centerDir) rmSync(centerDir, { recursive: true, force: true });
  await store?.stop();
});

describe('store server: one counter holds each prescription', () => {
  it('two counters claiming the same prescription at the same moment: exactly one wins, 50 times [R-STATUS]', async () => {
    const a = counter(store.server.url, 'A');
    const b = counter(store.server.url, 'B');
    let wonByA = 0;
    for (let round = 0; round < 50; round++) {
      const hiRxno = `H50010320261207${String(round).padStart(10, '0')}`;
      const claim = (c: typeof a) =>
        c.call('rx.claim', { idempotencyKey: key('claim'), hiRxno }) as Promise<RxClaimAnswer>;
      const [ra, rb] = await Promise.all([claim(a), claim(b)]);
      const won = [ra, rb].filter((r) => r.verdict === 'claimed');
      expect(won).toHaveLength(1);
      const winner = ra.verdict === 'claimed' ? 'A' : 'B';
      const loser = ra.verdict === 'refused' ? ra : rb;
      if (loser.verdict !== 'refused') throw new Error('no loser');
      expect(loser).toMatchObject({ ruleId: 'R-STATUS', holder: { counterId: winner } });
      expect(loser.message).toContain(`正在柜台 ${winner} 调剂`);
      expect(loser.citation).not.toMatch(/\b00\d\b/);
      if (winner === 'A') wonByA++;
    }
    const rows = await store.pool.query(
      "SELECT count(*)::int AS n FROM rx_claims WHERE hi_rxno LIKE 'H50010320261207%'",
    );
    expect(rows.rows[0].n).toBe(50);
    // Both counters win some: the verdict is the primary key's, not an order of arrival.
    expect(wonByA).toBeGreaterThan(0);
    expect(wonByA).toBeLessThan(50);
  }, 60_000);

  it('a prescription started at counter A is refused at counter B naming A, and free again once A cancels [R-STATUS]', async () => {
    const hiRxno = await rxAtBothCounters();
    const atA = await ok<DispensingView>('A', 'dispense.start', { hiRxno });
    const refused = await call('B', 'dispense.start', { hiRxno });
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatchObject({ code: 'POLICY', ruleId: 'R-STATUS' });
    expect(refused.error?.message).toContain(`处方 ${hiRxno} 正在柜台 A 调剂`);
    // Nothing was started at B.
    const atB = counters.B.h.services.db
      .prepare('SELECT count(*) AS n FROM dispensings WHERE hi_rxno = ?')
      .get(hiRxno);
    expect(atB).toEqual({ n: 0 });
    // A reopening its own dispensing is not refused.
    expect((await ok<DispensingView>('A', 'dispense.start', { hiRxno })).dispensingId).toBe(
      atA.dispensingId,
    );
    await ok('A', 'dispense.cancel', { dispensingId: atA.dispensingId });
    const atBNow = await ok<DispensingView>('B', 'dispense.start', { hiRxno });
    expect(atBNow.state).toBe('open');
    const holder = await store.pool.query('SELECT counter_id FROM rx_claims WHERE hi_rxno = $1', [
      hiRxno,
    ]);
    expect(holder.rows).toEqual([{ counter_id: 'B' }]);
    const events = await store.pool.query(
      'SELECT counter_id, event FROM rx_claim_events WHERE hi_rxno = $1 ORDER BY id',
      [hiRxno],
    );
    expect(events.rows).toEqual([
      { counter_id: 'A', event: 'claimed' },
      { counter_id: 'A', event: 'released' },
      { counter_id: 'B', event: 'claimed' },
    ]);
    await ok('B', 'dispense.cancel', { dispensingId: atBNow.dispensingId });
  });

  it('without its store server a counter does not start dispensing a prescription, and says why [R-STATUS][STORE-OFFLINE]', async () => {
    const hiRxno = await rxAtBothCounters();
    await store.server.close();
    try {
      const refused = await call('A', 'dispense.start', { hiRxno });
      expect(refused.ok).toBe(false);
      expect(refused.error).toMatchObject({ ruleId: 'R-STATUS', message: STORE_UNREACHABLE_CLAIM });
      const started = counters.A.h.services.db
        .prepare('SELECT count(*) AS n FROM dispensings WHERE hi_rxno = ?')
        .get(hiRxno);
      expect(started).toEqual({ n: 0 });
    } finally {
      await store.pool.end();
      store = await startInProcessStore(pg15.url(), storePort);
    }
    const d = await ok<DispensingView>('A', 'dispense.start', { hiRxno });
    await ok('A', 'dispense.cancel', { dispensingId: d.dispensingId });
  });

  it('a cancel made while the store server is down frees the prescription once the counter reconciles with the store [R-STATUS][STORE-OFFLINE]', async () => {
    const hiRxno = await rxAtBothCounters();
    const stillOpen = await rxAtBothCounters();
    const d = await ok<DispensingView>('A', 'dispense.start', { hiRxno });
    const open = await ok<DispensingView>('A', 'dispense.start', { hiRxno: stillOpen });
    await store.server.close();
    try {
      // The local cancel goes ahead; the release cannot reach the store.
      expect(
        (await ok<DispensingView>('A', 'dispense.cancel', { dispensingId: d.dispensingId })).state,
      ).toBe('cancelled');
    } finally {
      await store.pool.end();
      store = await startInProcessStore(pg15.url(), storePort);
    }
    const stale = await call('B', 'dispense.start', { hiRxno });
    expect(stale.error?.message).toContain('正在柜台 A 调剂');
    const claims = counters.A.h.services.dispense.claims;
    if (!claims) throw new Error('store mode expected');
    expect(await claims.reconcileNow(0)).toBeGreaterThanOrEqual(1);
    const atB = await ok<DispensingView>('B', 'dispense.start', { hiRxno });
    expect(atB.state).toBe('open');
    // A claim backed by an open dispensing here is kept.
    const kept = await store.pool.query('SELECT counter_id FROM rx_claims WHERE hi_rxno = $1', [
      stillOpen,
    ]);
    expect(kept.rows).toEqual([{ counter_id: 'A' }]);
    await ok('B', 'dispense.cancel', { dispensingId: atB.dispensingId });
    await ok('A', 'dispense.cancel', { dispensingId: open.dispensingId });
  });
});
