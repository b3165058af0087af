import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DispensingView } from '../../../src/contract/types-dispense';
import type { SettlePreview } from '../../../src/contract/types-settlement';
import { resetCenterClock, setCenterClock } from '../../../src/sandbox/hospital/center-clock';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { reviewedRx } from '../../support/dispensed-rx';
import { signedInOnDuty } from '../../support/settled-sale';

const AMOXICILLIN = 'XJ01CAA040A001010100435';
const AMOXICILLIN_PRODUCT = '8010371';
const HOUR = 3_600_000;

const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const [zhang] = DEMO_PATIENTS;
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !zhang || !ownVoucher) throw new Error('demo data missing');

let serial = 710_000;
const packCode = () => `${AMOXICILLIN_PRODUCT}${String(serial++).padStart(13, '0')}`;

/**
 * A prescription valid for 1 day (its own valid_end_time, well inside Chongqing's 7-day
 * ceiling) that expires after the pharmacist passed it: the center's clock moves 25 hours on
 * and the counter learns the center's time from its next reply.
 */
describe('validity is checked again after review, on the center’s clock', () => {
  let h: Harness;
  let token: string;
  const api = <T>(method: string, input: unknown) => h.api<T>(method, input, token);
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await api<T>(method, input);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };

  const reviewed = () =>
    reviewedRx(h, ok, { patient: zhang, drugs: [AMOXICILLIN], valiDays: 1 }, ownVoucher);
  const scanned = async (hiRxno: string) => {
    const d = await ok<DispensingView>('dispense.start', { hiRxno });
    await ok('dispense.scan', { dispensingId: d.dispensingId, code: packCode() });
    return d.dispensingId;
  };
  /** The center's clock 25 h on; one 7202 query lets the counter see it. */
  const dayPasses = async () => {
    await setCenterClock(h.sandboxUrl, 25 * HOUR);
    await ok('rx.find', { by: 'cert', certType: '01', certNo: zhang.ecToken });
  };
  const expectExpired = (r: {
    ok: boolean;
    error?: { ruleId?: string; message: string; citation?: string };
  }) => {
    expect(r.ok).toBe(false);
    expect(r.error?.ruleId).toBe('R-VALID');
    expect(r.error?.message).toContain('处方已超过其自身有效期');
  };

  beforeAll(async () => {
    h = await startHarness();
    await h.services.worker.stop();
    token = await signedInOnDuty(h, pharmacist);
  });
  afterEach(async () => {
    await resetCenterClock(h.sandboxUrl);
  });
  afterAll(async () => {
    await h.close();
  });

  it('refuses to start dispensing a reviewed prescription that has since expired [R-VALID]', async () => {
    const hiRxno = await reviewed();
    await dayPasses();
    expectExpired(await api('dispense.start', { hiRxno }));
    const open = h.services.db
      .prepare('SELECT count(*) FROM dispensings WHERE hi_rxno = ?')
      .pluck()
      .get(hiRxno);
    expect(open).toBe(0);
  });

  it('the expiry refusal cites the region pack’s own clause (Chongqing), not Dongguan’s 门特 clause [R-VALID]', async () => {
    const hiRxno = await reviewed();
    await dayPasses();
    const r = await api('dispense.start', { hiRxno });
    expectExpired(r);
    expect(r.error?.citation).toContain('渝医保办〔2023〕70号 §二(三)1');
    expect(r.error?.citation).toContain('重庆市政策包');
    expect(r.error?.citation).not.toContain('东医保');
    expect(r.error?.citation).not.toMatch(/\b00\d\s*§/);
  });

  it('refuses to complete a dispensing whose prescription expired meanwhile; no code is sold [R-VALID]', async () => {
    const hiRxno = await reviewed();
    const dispensingId = await scanned(hiRxno);
    await dayPasses();
    expectExpired(await api('dispense.complete', { dispensingId }));
    const view = await ok<DispensingView>('dispense.get', { dispensingId });
    expect(view.state).toBe('open');
    expect(
      h.services.db
        .prepare('SELECT count(*) FROM sold_codes WHERE dispensing_id = ?')
        .pluck()
        .get(dispensingId),
    ).toBe(0);
  });

  it('refuses settlement (preview and confirm) of a dispensing whose prescription expired meanwhile [R-VALID][R-SETTLE]', async () => {
    const hiRxno = await reviewed();
    const dispensingId = await scanned(hiRxno);
    await ok('dispense.complete', { dispensingId });
    const preview = await ok<SettlePreview>('settle.preview', { dispensingId });
    await dayPasses();
    expectExpired(await api('settle.preview', { dispensingId }));
    expectExpired(await api('settle.confirm', { dispensingId, previewId: preview.previewId }));
    const settled = h.services.db
      .prepare('SELECT count(*) FROM settlements WHERE dispensing_id = ?')
      .pluck()
      .get(dispensingId);
    expect(settled).toBe(0);
  });
});
