import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SettlementRecordInput } from '../../../src/contract/store-protocol-settlements';
import type { SettlementView } from '../../../src/contract/types-settlement';
import type {
  SettlementsRecordAnswer,
  StoreDayReport,
} from '../../../src/contract/types-store-settlements';
import { formatBeijingDateTime } from '../../../src/domain/policy/beijing-time';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { StoreUnreachableError } from '../../../src/store-link/store-client';
import { createPool } from '../../../src/store-server/database';
import { type Harness, startHarness } from '../../support/app-harness';
import { settleOnePack, signedInOnDuty } from '../../support/settled-sale';
import { postgresForThisFile } from './helpers/postgres';
import { stockTheStore } from './helpers/stock';
import { COUNTERS, counter, key, spawnStoreServer } from './helpers/store';

/**
 * Settlements and refunds recorded at the store server (issue 17, R-SETTLE, R-KEEP): a counter's
 * settlements table is its queue, the store keeps each event once, also across a store server
 * killed (SIGKILL) mid-write and started again.
 */
const AMLODIPINE = 'XC08CAA010A001010201587';
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const [zhang] = DEMO_PATIENTS;
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !zhang || !ownVoucher) throw new Error('demo data missing');

const pg15 = postgresForThisFile();
let pool: ReturnType<typeof createPool>;
let port = 0;
let child: ChildProcess | undefined;
let url = '';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}
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
const today = () => formatBeijingDateTime(new Date()).slice(0, 10);
const storedOf = async (counterId: string) =>
  (
    await pool.query(
      `SELECT kind, local_id::int AS "localId", count(*)::int AS n FROM store_settlements
       WHERE counter_id = $1 GROUP BY kind, local_id ORDER BY local_id, kind`,
      [counterId],
    )
  ).rows as Array<{ kind: string; localId: number; n: number }>;

beforeAll(async () => {
  pool = createPool(pg15.url(), 4);
  port = await freePort();
  await start();
}, 60_000);
afterAll(async () => {
  await kill();
  await pool?.end();
});

describe('store server: settlement records', () => {
  it('a batch cut off by SIGKILL and sent again by the next pass after the restart is stored exactly once [R-SETTLE][R-KEEP][STORE-CRASH]', async () => {
    const recordsOf = (round: number): SettlementRecordInput[] =>
      Array.from({ length: 100 }, (_, i) => ({
        kind: 'settle',
        localId: round * 1000 + i + 1,
        setlId: `S${round}-${i}`,
        hiRxno: `H5001032026120700${round}${String(i).padStart(4, '0')}`,
        medfeeFen: 2_000,
        fundFen: 1_400,
        acctFen: 0,
        cashFen: 600,
        at: Date.now(),
      }));
    const t0 = performance.now();
    await counter(url, 'C').call('settlements.record', {
      idempotencyKey: key('warm'),
      records: recordsOf(0),
    });
    const took = performance.now() - t0;
    const rounds = 8;
    let cutOff = 0;
    let storedBeforeRetry = 0;
    for (let round = 1; round <= rounds; round++) {
      const input = { idempotencyKey: key('settlements'), records: recordsOf(round) };
      const first = counter(url, 'C', 2000)
        .call('settlements.record', input)
        .then(
          (a) => a,
          (e: unknown) => e,
        );
      // Kill before, during and after the commit.
      await new Promise((r) => setTimeout(r, (took * 1.6 * (round - 1)) / (rounds - 1)));
      await kill();
      const got = await first;
      if (got instanceof StoreUnreachableError) cutOff++;
      const ids = input.records.map((r) => r.localId);
      const before = await pool.query(
        "SELECT count(*)::int AS n FROM store_settlements WHERE counter_id = 'C' AND local_id = ANY ($1)",
        [ids],
      );
      if (before.rows[0].n === 100) storedBeforeRetry++;
      await start();
      // The counter's next pass sends the same records under a fresh key (store-settlement-delivery.ts).
      const retry = (await counter(url, 'C').call('settlements.record', {
        ...input,
        idempotencyKey: key('settlements'),
      })) as SettlementsRecordAnswer;
      expect(retry.recorded).toBe(100 - before.rows[0].n);
      if (!(got instanceof Error)) expect(got).toEqual({ recorded: 100, alreadyKept: 0 });
      const rows = await pool.query(
        `SELECT count(*)::int AS n, count(DISTINCT local_id)::int AS d FROM store_settlements
         WHERE counter_id = 'C' AND local_id = ANY ($1)`,
        [ids],
      );
      expect(rows.rows[0]).toEqual({ n: 100, d: 100 });
    }
    expect(cutOff).toBeGreaterThan(0);
    expect(storedBeforeRetry).toBeGreaterThan(0);
  }, 240_000);

  it('a record is kept as written: the store refuses to change or delete it [R-KEEP]', async () => {
    await counter(url, 'D').call('settlements.record', {
      idempotencyKey: key('keep'),
      records: [
        {
          kind: 'settle',
          localId: 1,
          setlId: 'S-keep',
          hiRxno: 'H-keep-1',
          medfeeFen: 100,
          fundFen: 70,
          acctFen: 0,
          cashFen: 30,
          at: Date.now(),
        },
      ],
    });
    await expect(
      pool.query("UPDATE store_settlements SET cash_fen = 0 WHERE counter_id = 'D'"),
    ).rejects.toThrow(/append-only/);
    await expect(
      pool.query("DELETE FROM store_settlements WHERE counter_id = 'D'"),
    ).rejects.toThrow(/append-only/);
  });
});

describe('a counter of the store sends its settlements and refunds', () => {
  let h: Harness;
  let token: string;
  let serial = 0;
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await h.api<T>(method, input, token);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  const sale = () =>
    settleOnePack(h, ok, {
      patient: zhang,
      drug: AMLODIPINE,
      ownVoucher,
      traceCode: `8020741${String(Date.now() % 1e6).padStart(6, '0')}${String(serial++).padStart(7, '0')}`,
    });

  beforeAll(async () => {
    h = await startHarness({
      store: { mode: 'counter', url, counterId: 'A', secret: COUNTERS.get('A') ?? '' },
    });
    // The delivery is driven by the test (deliverNow), not by its timer.
    await h.services.settlement.toStore?.stop();
    token = await signedInOnDuty(h, pharmacist);
    // A completion takes the store's batches (D53): the counter's demo stock is the store's too.
    await stockTheStore(url, { A: h.services.db });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('each settlement and a refund made while the store server was down reach the store once, the settled prescription stays with its counter, and the store-wide day report at the counter shows them [R-SETTLE][R-KEEP][R-STATUS][STORE-OFFLINE]', async () => {
    const delivery = h.services.settlement.toStore;
    if (!delivery) throw new Error('store mode expected');
    const first = await sale();
    await delivery.deliverNow();
    expect(await storedOf('A')).toEqual([{ kind: 'settle', localId: first.settlementId, n: 1 }]);
    const claim = await pool.query(
      'SELECT counter_id, settled_at IS NOT NULL AS settled FROM rx_claims WHERE hi_rxno = $1',
      [first.hiRxno],
    );
    expect(claim.rows).toEqual([{ counter_id: 'A', settled: true }]);
    // Kept after settlement: another counter is told where it was settled; A cannot release it.
    const atB = await counter(url, 'B').call('rx.claim', {
      idempotencyKey: key('claim'),
      hiRxno: first.hiRxno,
    });
    expect(atB).toMatchObject({ verdict: 'refused', ruleId: 'R-STATUS' });
    if (atB.verdict === 'refused') expect(atB.message).toContain('在柜台 A 结算');
    const release = await counter(url, 'A').call('rx.release', {
      idempotencyKey: key('release'),
      hiRxno: first.hiRxno,
    });
    expect(release).toMatchObject({ verdict: 'refused', ruleId: 'R-REVERSE' });

    // Scans and completion need the store; the refund is made while it is down.
    const second = await sale();
    await kill();
    await ok<SettlementView>('refund.start', {
      settlementId: first.settlementId,
      reason: '顾客退货',
    });
    await expect(delivery.deliverNow()).rejects.toBeInstanceOf(StoreUnreachableError);
    await start();
    // At least the refund made while the store was down (the second settlement may have gone
    // out right after its confirm, before the kill).
    expect((await delivery.deliverNow()).recorded).toBeGreaterThanOrEqual(1);
    // Sent again (the overlap window): nothing stored twice.
    expect((await delivery.deliverNow()).recorded).toBe(0);
    expect(await storedOf('A')).toEqual([
      { kind: 'refund', localId: first.settlementId, n: 1 },
      { kind: 'settle', localId: first.settlementId, n: 1 },
      { kind: 'settle', localId: second.settlementId, n: 1 },
    ]);
    // The refund gave the prescription back (R-REVERSE): its claim is released.
    const released = await pool.query('SELECT 1 FROM rx_claims WHERE hi_rxno = $1', [first.hiRxno]);
    expect(released.rowCount).toBe(0);

    // The store-wide day report, read at the counter from the store server.
    const report = await ok<StoreDayReport>('reports.storeDay', { day: today() });
    const atA = report.counters.find((c) => c.counterId === 'A');
    expect(atA).toMatchObject({ settlements: 2, refunds: 1 });
    const local = h.services.db
      .prepare('SELECT medfee_fen AS m, fund_fen AS f, cash_fen AS c FROM settlements WHERE id = ?')
      .get(second.settlementId) as { m: number; f: number; c: number };
    expect(atA).toMatchObject({ medfeeFen: local.m, fundFen: local.f, cashFen: local.c });
    expect(report.store.settlements).toBe(report.counters.reduce((n, c) => n + c.settlements, 0));
  }, 120_000);
});
