import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DispensingView, ScanVerdict } from '../../../src/contract/types-dispense';
import type { PaperView } from '../../../src/contract/types-paper';
import type { MtClaimSaleView } from '../../../src/contract/types-settlement';
import { paperRxno } from '../../../src/domain/paper/paper-rxno';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { STORE_UNREACHABLE_CLAIM } from '../../../src/services/dispense/store-linked-claims';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { reviewedRx } from '../../support/dispensed-rx';
import { AMLODIPINE, fakePng, paperFields } from '../../support/paper-fixtures';
import { postgresForThisFile } from './helpers/postgres';
import { type CounterId, ownVoucher, storeWithTwoCounters } from './helpers/store-counters';

/**
 * A 门特 paper purchase (sale.mtClaim, D40) at a counter of a store (D52): its packs are sold at
 * the store server like a cash sale's, so another counter refuses them; being a prescription's
 * sale, it is refused while the store cannot be reached (D42 allows offline OTC cash sales only).
 */
const li = DEMO_PATIENTS[1];
if (!li) throw new Error('demo data missing');
const admin = DEMO_STAFF.find((x) => x.role === 'admin');
if (!admin) throw new Error('demo admin missing');

const pg15 = postgresForThisFile();
const s = storeWithTwoCounters(pg15.url, { A: { pharmacyAdmdvs: '441900' } });
let serial = 0;
const traceCode = () =>
  `8020741${String(Date.now() % 1e6).padStart(6, '0')}${String(serial++).padStart(7, '0')}`;

const mtPaper = () => ({
  ...paperFields({
    institutionCode: 'H44190000003',
    institutionName: '东莞市沙箱示范医院',
    patientName: '陈立群',
    lines: [{ medListCodg: AMLODIPINE, quantity: 1, days: 28 }],
  }),
  imageBase64: fakePng().toString('base64'),
  chronicSpecial: true,
  selfPayConsent: true,
});

beforeAll(async () => {
  await s.start();
  const h = s.counters.A.h;
  const login = await h.api<{ token: string }>('auth.login', {
    username: admin.username,
    password: admin.password,
  });
  const region = await h.api('settings.setRegion', { regionId: '441900' }, login.value?.token);
  expect(region.ok).toBe(true);
}, 180_000);
afterAll(() => s.stopAll());

const okAt =
  (id: CounterId) =>
  <T>(method: string, input: unknown) =>
    s.ok<T>(id, method, input);

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
      .query('SELECT counter_id FROM code_sales WHERE code = $1 AND returned_at IS NULL', [code])
  ).rows;

const claimOf = async (rxno: string) =>
  (
    await s
      .pool()
      .query(
        'SELECT counter_id, settled_at IS NOT NULL AS settled, settlement_id FROM rx_claims WHERE hi_rxno = $1',
        [rxno],
      )
  ).rows;

describe('门特 paper purchase at a counter of a store', () => {
  it('a pack sold by a 门特 claim at counter A is sold at the store and refused at counter B; the paper prescription is settled at the store by A’s sale [R-TRACE-ONCE][R-MT-CLAIM][R-STATUS]', async () => {
    const paper = await s.ok<PaperView>('A', 'paper.capture', mtPaper());
    const code = traceCode();
    await s.ok<MtClaimSaleView>('A', 'sale.mtClaim', {
      paperId: paper.id,
      items: [{ medListCodg: AMLODIPINE, codes: [code] }],
    });
    expect(await liveSalesOf(code)).toEqual([{ counter_id: 'A' }]);
    const rxno = paperRxno(paper.institutionCode, paper.serialNo);
    expect(await s.counters.A.h.services.dispense.claims?.reconcileNow(0)).toBe(0);
    expect(await claimOf(rxno)).toEqual([
      { counter_id: 'A', settled: true, settlement_id: expect.stringMatching(/^selfpay-/) },
    ]);
    const atB = await scanAt('B', code);
    expect(atB.verdict).toBe('refused');
    expect(JSON.stringify(atB)).toContain('R-TRACE-ONCE');
  });

  it('while the store server cannot be reached a 门特 claim is refused with the reason, nothing sold [R-TRACE-ONCE][R-MT-CLAIM][R-STATUS]', async () => {
    const paper = await s.ok<PaperView>('A', 'paper.capture', mtPaper());
    const db = s.counters.A.h.services.db;
    const before = db.prepare('SELECT count(*) FROM self_pay_sales').pluck().get();
    await s.cutOff();
    try {
      const r = await s.call('A', 'sale.mtClaim', {
        paperId: paper.id,
        items: [{ medListCodg: AMLODIPINE, codes: [traceCode()] }],
      });
      // The claim is asked first (one counter per paper prescription), then the packs' sale.
      expect(r.error).toMatchObject({ code: 'CONFLICT', ruleId: 'R-STATUS' });
      expect(r.error?.message).toBe(STORE_UNREACHABLE_CLAIM);
      expect(db.prepare('SELECT count(*) FROM self_pay_sales').pluck().get()).toBe(before);
      expect(db.prepare('SELECT count(*) FROM store_queue').pluck().get()).toBe(0);
      expect((await s.ok<PaperView>('A', 'paper.get', { id: paper.id })).status).not.toBe(
        'dispensed',
      );
    } finally {
      await s.reconnect();
    }
  });
});
