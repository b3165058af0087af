import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DispensingView, ScanVerdict } from '../../../src/contract/types-dispense';
import type { StayHandoverView, StayWithdrawnView } from '../../../src/contract/types-settlement';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { dispensedRx, reviewedRx } from '../../support/dispensed-rx';
import { postgresForThisFile } from './helpers/postgres';
import { type CounterId, ownVoucher, storeWithTwoCounters } from './helpers/store-counters';

/**
 * 随住院结算 at a counter of a store (D47, D52): the hand-over's packs were sold at the store
 * when its dispensing completed, so another counter refuses them; 撤销 of the hand-over returns
 * them through the counter's store queue exactly once and releases the prescription's claim.
 */
const EMPAGLIFLOZIN = 'XA10BKE020A001010103765';
const STAY = { hospital: '聊城市人民医院', stayNo: 'ZY2026-001234' };
const [zhang, li] = DEMO_PATIENTS;
if (!zhang || !li) throw new Error('demo data missing');

const pg15 = postgresForThisFile();
const s = storeWithTwoCounters(pg15.url);
let serial = 0;
const traceCode = () =>
  `8124441${String(Date.now() % 1e6).padStart(6, '0')}${String(serial++).padStart(7, '0')}`;

beforeAll(() => s.start(), 180_000);
afterAll(() => s.stopAll());

const okAt =
  (id: CounterId) =>
  <T>(method: string, input: unknown) =>
    s.ok<T>(id, method, input);

async function scanAt(id: CounterId, code: string): Promise<ScanVerdict> {
  const hiRxno = await reviewedRx(
    s.counters[id].h,
    okAt(id),
    { patient: zhang as never, drugs: [{ medListCodg: EMPAGLIFLOZIN, packs: 1 }] },
    ownVoucher,
  );
  const d = await s.ok<DispensingView>(id, 'dispense.start', { hiRxno });
  return s.ok<ScanVerdict>(id, 'dispense.scan', { dispensingId: d.dispensingId, code });
}

const liveSalesOf = async (code: string) =>
  (
    await s
      .pool()
      .query('SELECT counter_id FROM code_sales WHERE code = $1 AND returned_at IS NULL', [code])
  ).rows;
const claimOf = async (hiRxno: string) =>
  (await s.pool().query('SELECT counter_id FROM rx_claims WHERE hi_rxno = $1', [hiRxno])).rows;
const returnsOf = async (code: string) =>
  (
    await s
      .pool()
      .query(
        "SELECT count(*)::int AS n FROM code_sales WHERE code = $1 AND returned_at IS NOT NULL AND counter_id = 'A'",
        [code],
      )
  ).rows[0].n as number;

describe('随住院结算 at a counter of a store', () => {
  it('a pack handed over with the stay at counter A is refused at counter B; after 撤销 at A it is returned once through the queue and accepted at B, and the claim is released [R-TRACE-ONCE][R-MT-SETTLE][R-STATUS]', async () => {
    const code = traceCode();
    const d = await dispensedRx(s.counters.A.h, okAt('A'), {
      patient: li as never,
      drugs: [{ medListCodg: EMPAGLIFLOZIN, packs: 1 }],
      ownVoucher,
      order: { medType: '21' },
      codeOf: () => code,
    });
    await s.ok<StayHandoverView>('A', 'stay.record', {
      dispensingId: d.dispensingId,
      ...STAY,
      formSeen: true,
    });
    expect(await liveSalesOf(code)).toEqual([{ counter_id: 'A' }]);
    expect((await scanAt('B', code)).verdict).toBe('refused');
    expect(await claimOf(d.hiRxno)).toEqual([{ counter_id: 'A' }]);

    await s.counters.A.h.services.worker.sendNow();
    const w = await s.ok<StayWithdrawnView>('A', 'stay.withdraw', {
      dispensingId: d.dispensingId,
      reason: '患者出院改为门诊',
    });
    expect(w.codes).toBe(1);
    const queue = s.counters.A.h.services.storeQueue;
    await queue?.deliverNow();
    await queue?.deliverNow();
    expect(queue?.counts().pending).toBe(0);
    expect(await liveSalesOf(code)).toEqual([]);
    expect(await returnsOf(code)).toBe(1);
    expect(await claimOf(d.hiRxno)).toEqual([]);
    expect((await scanAt('B', code)).verdict).toBe('accepted');
  });
});
