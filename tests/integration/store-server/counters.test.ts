import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrescriptionView, RxCandidate } from '../../../src/contract/types';
import type { DispensingView, ScanVerdict } from '../../../src/contract/types-dispense';
import type { StoreLinkView } from '../../../src/contract/types-store';
import { createPrescription } from '../../../src/sandbox/hospital/create-prescription';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { type RunningSandbox, startSandbox } from '../../../src/sandbox/server';
import type { ReviewGate } from '../../../src/services/dispense/review-gate';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { postgresForThisFile } from './helpers/postgres';
import { stockTheStore } from './helpers/stock';
import { COUNTERS, startInProcessStore } from './helpers/store';

/**
 * Two counters of one pharmacy (each the whole app in browser mode over HTTP, with its own
 * SQLite and sandbox center) and one store server on PostgreSQL: a pack sold at one counter
 * cannot be sold at the other, and a counter that cannot reach its store refuses new packs.
 */
const AMLODIPINE = 'XC08CAA010A001010201587';
const LORATADINE = 'XR06AXL020A001010101672';
const LORATADINE_PRODUCT = '8062221';
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const [zhang] = DEMO_PATIENTS;
if (!pharmacist || !zhang) throw new Error('demo data missing');

const pg15 = postgresForThisFile();
let store: Awaited<ReturnType<typeof startInProcessStore>>;
let storePort = 0;
// One center for both counters, as in a real pharmacy: prescription numbers are the center's, so
// two counters never see one number for two different prescriptions (each claims what it starts).
let center: RunningSandbox;
let centerDir = '';
const counters: Record<'A' | 'B', { h: Harness; token: string }> = {} as never;
let serial = 7_000;
const traceCode = (productId: string) =>
  `${productId}${String(Date.now() % 1e6).padStart(6, '0')}${String(serial++).padStart(7, '0')}`;

const passAll: ReviewGate = { isReviewPassed: () => ({ passed: true, reason: '审方已通过' }) };

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

async function call<T>(id: 'A' | 'B', method: string, input: unknown) {
  const c = counters[id];
  return c.h.api<T>(method, input, c.token);
}
async function ok<T>(id: 'A' | 'B', method: string, input: unknown): Promise<T> {
  const r = await call<T>(id, method, input);
  expect(r.ok, `${id} ${method}: ${r.error?.message}`).toBe(true);
  return r.value as T;
}
/** The store server again on the same port and database, as after a restart. */
async function storeBack(): Promise<void> {
  await store.pool.end();
  store = await startInProcessStore(pg15.url(), storePort);
}

async function openDispensing(id: 'A' | 'B', packs = 1): Promise<DispensingView> {
  const h = counters[id].h;
  const rx = await createPrescription(
    { baseUrl: h.sandboxUrl },
    { patient: zhang as never, drugs: [{ medListCodg: AMLODIPINE, packs }] },
  );
  const found = await ok<RxCandidate[]>(id, 'rx.find', { by: 'qr', qr: rx.qr });
  await ok<PrescriptionView>(id, 'rx.download', found[0]?.ticket);
  return ok<DispensingView>(id, 'dispense.start', { hiRxno: rx.hiRxno });
}

/** A whole counter app in store mode, logged in as the pharmacist. */
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

beforeAll(async () => {
  storePort = await freePort();
  store = await startInProcessStore(pg15.url(), storePort);
  centerDir = mkdtempSync(path.join(os.tmpdir(), 'epc-center-'));
  center = await startSandbox({ port: 0, dbFile: path.join(centerDir, 'sandbox.db') });
  counters.A = await counterOfStore('A');
  counters.B = await counterOfStore('B');
  // A completion takes the store's batches (D53): the counters' demo stock is the store's too.
  await stockTheStore(store.server.url, {
    A: counters.A.h.services.db,
    B: counters.B.h.services.db,
  });
}, 120_000);
afterAll(async () => {
  for (const c of Object.values(counters)) await c?.h.close();
  await center?.close();
  if (centerDir) rmSync(centerDir, { recursive: true, force: true });
  await store?.stop();
});

describe('two counters of one store', () => {
  it('a pack scanned at both counters at the same moment is taken at one only, and refused at the other once sold [R-TRACE-ONCE][ST-EPC-02-009]', async () => {
    const [da, db] = await Promise.all([openDispensing('A'), openDispensing('B')]);
    const pack = traceCode('8020741');
    const [va, vb] = await Promise.all([
      ok<ScanVerdict>('A', 'dispense.scan', { dispensingId: da.dispensingId, code: pack }),
      ok<ScanVerdict>('B', 'dispense.scan', { dispensingId: db.dispensingId, code: pack }),
    ]);
    const verdicts = [va, vb].map((v) => v.verdict).sort();
    expect(verdicts).toEqual(['accepted', 'refused']);
    const [winner, loser] =
      va.verdict === 'accepted' ? (['A', 'B'] as const) : (['B', 'A'] as const);
    const refused = (va.verdict === 'refused' ? va : vb) as Extract<
      ScanVerdict,
      { verdict: 'refused' }
    >;
    expect(refused).toMatchObject({ reason: 'HELD_ELSEWHERE', ruleId: 'R-TRACE-ONCE' });
    expect(refused.message).toContain(`柜台 ${winner}`);
    expect(refused.citation).toContain('同一追溯码只能销售一次');
    expect(refused.dispensing.lines[0]?.codes ?? []).toHaveLength(0);

    const winnerId = winner === 'A' ? da.dispensingId : db.dispensingId;
    const loserId = loser === 'A' ? da.dispensingId : db.dispensingId;
    await ok(winner, 'dispense.complete', { dispensingId: winnerId });
    const again = await ok<ScanVerdict>(loser, 'dispense.scan', {
      dispensingId: loserId,
      code: pack,
    });
    expect(again).toMatchObject({
      verdict: 'refused',
      reason: 'ALREADY_SOLD',
      ruleId: 'R-TRACE-ONCE',
    });
    if (again.verdict === 'refused') expect(again.message).toContain('同一盒药品不得重复销售');
    // The refusal is kept at the refusing counter for risk review, as a local refusal is.
    const kept = counters[loser].h.services.db
      .prepare('SELECT reason, rule_id FROM scan_refusals WHERE pack_key = ? ORDER BY id')
      .all(pack);
    expect(kept).toEqual([
      { reason: 'HELD_ELSEWHERE', rule_id: 'R-TRACE-ONCE' },
      { reason: 'ALREADY_SOLD', rule_id: 'R-TRACE-ONCE' },
    ]);
    const sales = await store.pool.query(
      'SELECT counter_id, sale_ref FROM code_sales WHERE code = $1',
      [pack],
    );
    expect(sales.rows).toEqual([{ counter_id: winner, sale_ref: `dispensing-${winnerId}` }]);
    await ok(loser, 'dispense.cancel', { dispensingId: loserId });
  });

  it('a removed scan frees the pack for the other counter [R-TRACE-ONCE]', async () => {
    const [da, db] = await Promise.all([openDispensing('A'), openDispensing('B')]);
    const pack = traceCode('8020741');
    expect(
      (await ok<ScanVerdict>('A', 'dispense.scan', { dispensingId: da.dispensingId, code: pack }))
        .verdict,
    ).toBe('accepted');
    expect(
      (await ok<ScanVerdict>('B', 'dispense.scan', { dispensingId: db.dispensingId, code: pack }))
        .verdict,
    ).toBe('refused');
    await ok('A', 'dispense.removeCode', { dispensingId: da.dispensingId, code: pack });
    expect(
      (await ok<ScanVerdict>('B', 'dispense.scan', { dispensingId: db.dispensingId, code: pack }))
        .verdict,
    ).toBe('accepted');
    await ok('B', 'dispense.complete', { dispensingId: db.dispensingId });
    await ok('A', 'dispense.cancel', { dispensingId: da.dispensingId });
  });

  it('a pack sold for cash at one counter is refused for cash at the other counter [R-TRACE-ONCE][ST-EPC-02-009]', async () => {
    const pack = traceCode(LORATADINE_PRODUCT);
    await ok('A', 'sale.selfPay', { items: [{ medListCodg: LORATADINE, codes: [pack] }] });
    const twice = await call('B', 'sale.selfPay', {
      items: [{ medListCodg: LORATADINE, codes: [pack] }],
    });
    expect(twice.ok).toBe(false);
    expect(twice.error).toMatchObject({ code: 'POLICY', ruleId: 'R-TRACE-ONCE' });
    expect(twice.error?.message).toContain('柜台 A');
    const sales = await store.pool.query(
      'SELECT counter_id FROM code_sales WHERE code = $1 AND returned_at IS NULL',
      [pack],
    );
    expect(sales.rows).toEqual([{ counter_id: 'A' }]);
    const soldAtB = counters.B.h.services.db
      .prepare('SELECT count(*) AS n FROM sold_codes WHERE code = ?')
      .get(pack);
    expect(soldAtB).toEqual({ n: 0 });
  });

  it('without its store server a counter says so and accepts no new pack; it completes once the server is back [R-TRACE-ONCE][STORE-OFFLINE]', async () => {
    const d = await openDispensing('A', 2);
    const link = await ok<StoreLinkView>('A', 'store.link', {});
    expect(link).toMatchObject({ mode: 'counter', counterId: 'A', reachable: true });
    const first = traceCode('8020741');
    expect(
      (await ok<ScanVerdict>('A', 'dispense.scan', { dispensingId: d.dispensingId, code: first }))
        .verdict,
    ).toBe('accepted');

    await store.server.close();
    const offline = await ok<StoreLinkView>('A', 'store.link', {});
    expect(offline).toMatchObject({ mode: 'counter', reachable: false });
    expect(offline.message).toContain('门店服务器未连接');
    const refused = await ok<ScanVerdict>('A', 'dispense.scan', {
      dispensingId: d.dispensingId,
      code: traceCode('8020741'),
    });
    expect(refused).toMatchObject({
      verdict: 'refused',
      reason: 'STORE_UNREACHABLE',
      ruleId: 'R-TRACE-ONCE',
    });
    if (refused.verdict === 'refused') {
      expect(refused.message).toContain('门店服务器无法连接');
      expect(refused.dispensing.lines[0]?.codes).toHaveLength(1);
    }
    await storeBack();
    const second = traceCode('8020741');
    expect(
      (await ok<ScanVerdict>('A', 'dispense.scan', { dispensingId: d.dispensingId, code: second }))
        .verdict,
    ).toBe('accepted');

    await store.server.close();
    const notDone = await call('A', 'dispense.complete', { dispensingId: d.dispensingId });
    expect(notDone.ok).toBe(false);
    expect(notDone.error).toMatchObject({ ruleId: 'R-TRACE-ONCE' });
    expect(notDone.error?.message).toContain('门店服务器无法连接');
    expect(
      (await ok<DispensingView>('A', 'dispense.get', { dispensingId: d.dispensingId })).state,
    ).toBe('open');
    await storeBack();
    expect(
      Number(
        (await store.pool.query('SELECT count(*) AS n FROM code_sales WHERE code = $1', [first]))
          .rows[0].n,
      ),
    ).toBe(0);
    const done = await ok<DispensingView>('A', 'dispense.complete', {
      dispensingId: d.dispensingId,
    });
    expect(done.state).toBe('completed');
    expect(
      Number(
        (
          await store.pool.query(
            'SELECT count(*) AS n FROM code_sales WHERE code = $1 AND returned_at IS NULL',
            [first],
          )
        ).rows[0].n,
      ),
    ).toBe(1);
  });
});
