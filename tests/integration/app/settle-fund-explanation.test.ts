import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SettlePreview } from '../../../src/contract/types-settlement';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { dispensedRx } from '../../support/dispensed-rx';
import { signedInOnDuty } from '../../support/settled-sale';

const AMLODIPINE = 'XC08CAA010A001010201587';
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const [zhang] = DEMO_PATIENTS;
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !zhang || !ownVoucher) throw new Error('demo data missing');

/** Issue 19 minor: a ¥0.00 fund is explained with the 起付线 and the ratio the center gives. */
describe('a pre-settlement whose fund pays nothing says why', () => {
  let h: Harness;
  let token: string;
  let serial = 800_000;
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await h.api<T>(method, input, token);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };

  beforeAll(async () => {
    h = await startHarness();
    token = await signedInOnDuty(h, pharmacist);
  });
  afterAll(async () => {
    await h.close();
  });

  it('the first purchase of the year fills the deductible: 起付线 and 支付比例 are named [R-SETTLE][ST-EPC-02-010]', async () => {
    const d = await dispensedRx(h, ok, {
      patient: zhang,
      drugs: [AMLODIPINE],
      ownVoucher,
      codeOf: () => `8020741${String(serial++).padStart(13, '0')}`,
    });
    const p = await ok<SettlePreview>('settle.preview', { dispensingId: d.dispensingId });
    expect(p.split.fund.fen).toBe(0);
    expect(p.split.deductible.fen).toBe(p.split.inScope.fen);
    const why = p.split.zeroFundExplanation ?? '';
    expect(why).toContain(`${p.split.deductible.yuan} 元计入起付线`);
    expect(why).toContain('起付线 200.00 元');
    expect(why).toContain('支付比例 50%');
  });
});
