import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReconDayView } from '../../../src/contract/types-recon';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { settleOnePack, signedInOnDuty } from '../../support/settled-sale';

const AMLODIPINE = 'XC08CAA010A001010201587';
const LORATADINE = 'XR06AXL020A001010101672';
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const [zhang] = DEMO_PATIENTS;
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !zhang || !ownVoucher) throw new Error('demo data missing');
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
let serial = 880_000;

describe('reconciliation 对账 of a day against the center [R-RECON]', () => {
  let h: Harness;
  let token: string;
  const api = <T>(method: string, input: unknown) => h.api<T>(method, input, token);
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await api<T>(method, input);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  const settled = () =>
    settleOnePack(h, ok, {
      patient: zhang,
      drug: AMLODIPINE,
      ownVoucher,
      traceCode: `8020741${String(serial++).padStart(13, '0')}`,
    });
  const sql = (text: string, ...args: unknown[]) => h.services.db.prepare(text).run(...args);

  beforeAll(async () => {
    h = await startHarness();
    await h.services.worker.stop();
    token = await signedInOnDuty(h, pharmacist);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('balances a clean day, then lists each deliberately created difference', async () => {
    const a = await settled();
    const clean = await ok<ReconDayView>('recon.day', { date: today });
    expect(clean).toMatchObject({ balanced: true, differences: [] });
    expect(clean.local).toEqual(clean.center);
    expect(clean.local.settlements).toBe(1);
    expect(clean.source).toContain('3201');

    const b = await settled();
    const c = await settled();
    // Differences: a local amount altered, a settlement the counter lost track of, one whose
    // local identity no longer matches anything at the center, and a 3505 that cannot go.
    // (The altered amounts still add up: the database refuses a settled split that does not.)
    sql(
      'UPDATE settlements SET cash_fen = cash_fen + 100, medfee_fen = medfee_fen + 100 WHERE id = ?',
      a.settlementId,
    );
    sql("UPDATE settlements SET state = 'voided' WHERE id = ?", b.settlementId);
    sql(
      "UPDATE settlements SET setl_id = 'LOCALONLY', msgid = 'LOCALONLY-MSGID' WHERE id = ?",
      c.settlementId,
    );
    await h.fault({ target: '3505', kind: 'http5xx' });
    try {
      await ok('sale.selfPay', {
        items: [
          { medListCodg: LORATADINE, codes: [`8062221${String(serial++).padStart(13, '0')}`] },
        ],
      });
      await h.services.worker.sendNow();
    } finally {
      await h.clearFaults();
    }

    const day = await ok<ReconDayView>('recon.day', { date: today });
    expect(day.balanced).toBe(false);
    const kinds = day.differences.map((d) => [d.kind, d.setlId]);
    expect(kinds).toContainEqual(['amount_mismatch', a.setlId]);
    expect(kinds).toContainEqual(['missing_locally', b.setlId]);
    expect(kinds).toContainEqual(['missing_at_center', 'LOCALONLY']);
    expect(kinds).toContainEqual(['missing_locally', c.setlId]);
    const mismatch = day.differences.find((d) => d.kind === 'amount_mismatch');
    expect(mismatch?.message).toMatch(/^\[R-RECON\] .*个人现金支付/);
    const pending = day.differences.filter((d) => d.kind === 'upload_not_delivered');
    expect(pending.map((d) => d.message).join()).toContain('上传 3505');
    expect(day.differences).toHaveLength(5);

    const other = await ok<ReconDayView>('recon.day', { date: '2020-01-01' });
    expect(other).toMatchObject({
      balanced: true,
      local: { settlements: 0 },
      center: { settlements: 0 },
    });
    const bad = await api('recon.day', { date: '2026/01/01' });
    expect(bad.ok).toBe(false);
  });
});
