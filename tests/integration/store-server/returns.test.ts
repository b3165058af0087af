import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CancelledHeldView,
  DispensingView,
  ScanVerdict,
} from '../../../src/contract/types-dispense';
import type { SettlementView, SettlePreview } from '../../../src/contract/types-settlement';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { dispensedRx, reviewedRx } from '../../support/dispensed-rx';
import { postgresForThisFile } from './helpers/postgres';
import { type CounterId, ownVoucher, storeWithTwoCounters } from './helpers/store-counters';

/**
 * Refunds (退费) and 撤销调剂 at a counter of a store give the packs back at the store server
 * (stock.return, D42, D53): the same pack may then be sold at another counter. When the store server
 * cannot be reached the refund still completes; the return waits in the counter's SQLite and
 * reaches the store exactly once.
 */
const AMLODIPINE = 'XC08CAA010A001010201587';
const [zhang, li] = DEMO_PATIENTS;
if (!zhang || !li) throw new Error('demo data missing');

const pg15 = postgresForThisFile();
const s = storeWithTwoCounters(pg15.url);
let serial = 0;
const traceCode = () =>
  `8020741${String(Date.now() % 1e6).padStart(6, '0')}${String(serial++).padStart(7, '0')}`;

beforeAll(() => s.start(), 180_000);
afterAll(() => s.stopAll());

const okAt =
  (id: CounterId) =>
  <T>(method: string, input: unknown) =>
    s.ok<T>(id, method, input);

/** One pack dispensed and completed at a counter (sold at the store server). */
function soldAt(id: CounterId, code: string) {
  return dispensedRx(s.counters[id].h, okAt(id), {
    patient: zhang as never,
    drugs: [{ medListCodg: AMLODIPINE, packs: 1 }],
    ownVoucher,
    codeOf: () => code,
  });
}

async function settledAt(id: CounterId, code: string) {
  const d = await soldAt(id, code);
  const p = await s.ok<SettlePreview>(id, 'settle.preview', { dispensingId: d.dispensingId });
  const st = await s.ok<SettlementView>(id, 'settle.confirm', {
    dispensingId: d.dispensingId,
    previewId: p.previewId,
  });
  await s.counters[id].h.services.worker.sendNow();
  return st;
}

/** A new dispensing at a counter, with the pack scanned: the store's verdict. */
async function scanAt(id: CounterId, code: string): Promise<ScanVerdict> {
  const hiRxno = await reviewedRx(
    s.counters[id].h,
    okAt(id),
    { patient: li as never, drugs: [{ medListCodg: AMLODIPINE, packs: 1 }] },
    ownVoucher,
  );
  const d = await s.ok<DispensingView>(id, 'dispense.start', { hiRxno });
  return s.ok<ScanVerdict>(id, 'dispense.scan', { dispensingId: d.dispensingId, code });
}

const liveSalesOf = async (code: string) =>
  (
    await s
      .pool()
      .query(
        'SELECT counter_id, sale_ref FROM code_sales WHERE code = $1 AND returned_at IS NULL',
        [code],
      )
  ).rows;

describe('returns at the store server', () => {
  it('a pack refunded at counter A is accepted at counter B [R-REVERSE][R-TRACE-ONCE]', async () => {
    const code = traceCode();
    const st = await settledAt('A', code);
    expect((await scanAt('B', code)).verdict).toBe('refused');
    await s.ok('A', 'refund.start', { settlementId: st.settlementId, reason: '患者要求退药' });
    await s.counters.A.h.services.storeQueue?.deliverNow();
    expect(await liveSalesOf(code)).toEqual([]);
    expect((await scanAt('B', code)).verdict).toBe('accepted');
  });

  it('a pack of a dispensing undone (撤销调剂) at counter A is accepted at counter B [R-STATUS][R-TRACE-ONCE]', async () => {
    const code = traceCode();
    const d = await soldAt('A', code);
    const undone = await s.ok<CancelledHeldView>('A', 'dispense.cancelHeld', {
      dispensingId: d.dispensingId,
      reason: '患者暂不取药',
    });
    expect(undone.codes).toBe(1);
    await s.counters.A.h.services.storeQueue?.deliverNow();
    expect((await scanAt('B', code)).verdict).toBe('accepted');
  });

  it('a refund while the store server is unreachable completes; the return is queued and reaches the store exactly once on reconnect [R-REVERSE][R-TRACE-ONCE]', async () => {
    const code = traceCode();
    const st = await settledAt('A', code);
    await s.cutOff();
    const refunded = await s.ok<SettlementView>('A', 'refund.start', {
      settlementId: st.settlementId,
      reason: '患者要求退药',
    });
    expect(refunded.state).toBe('refunded');
    const queue = s.counters.A.h.services.storeQueue;
    await queue?.deliverNow();
    expect(queue?.counts().pending).toBe(1);
    const waiting = s.counters.A.h.services.db
      .prepare(
        "SELECT codes, attempts > 0 AS tried, last_error FROM store_queue WHERE kind = 'return' AND done_at IS NULL",
      )
      .all() as Array<{ codes: string; tried: number; last_error: string }>;
    expect(waiting).toMatchObject([{ codes: JSON.stringify([code]), tried: 1 }]);
    expect(waiting[0]?.last_error).toContain('门店服务器无法连接');

    await s.reconnect();
    expect(await liveSalesOf(code)).toHaveLength(1);
    await queue?.deliverNow();
    await queue?.deliverNow();
    expect(queue?.counts().pending).toBe(0);
    expect(await liveSalesOf(code)).toEqual([]);
    const applied = await s
      .pool()
      .query(
        "SELECT count(*)::int AS n FROM idempotency_keys WHERE method = 'stock.return' AND counter_id = 'A'",
      );
    const returnsOfA = s.counters.A.h.services.db
      .prepare("SELECT count(*) FROM store_queue WHERE kind = 'return'")
      .pluck()
      .get();
    expect(applied.rows[0].n).toBe(returnsOfA);
    expect((await scanAt('B', code)).verdict).toBe('accepted');
  });
});
