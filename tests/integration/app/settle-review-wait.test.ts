import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PrescriptionView, RxCandidate } from '../../../src/contract/types';
import type { DispensingView } from '../../../src/contract/types-dispense';
import type { SettlePreview } from '../../../src/contract/types-settlement';
import { createPrescription } from '../../../src/sandbox/hospital/create-prescription';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { signedInOnDuty } from '../../support/settled-sale';

const AMLODIPINE = 'XC08CAA010A001010201587';
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const [zhang] = DEMO_PATIENTS;
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !zhang || !ownVoucher) throw new Error('demo data missing');

let serial = 700_000;

/**
 * F5 right after the review: the passed review's 7206 is still in the outbox. The settlement
 * service itself hastens the outbox and waits (bounded) for the center's rx_chk_biz_sn.
 */
describe('settlement waits for the review upload in the backend', () => {
  let h: Harness;
  let token: string;
  const api = <T>(method: string, input: unknown) => h.api<T>(method, input, token);
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await api<T>(method, input);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };

  /** Downloaded, passed at review (its 7206 NOT sent) and dispensed. */
  const dispensedBeforeUpload = async () => {
    const rx = await createPrescription(
      { baseUrl: h.sandboxUrl },
      { patient: zhang, drugs: [AMLODIPINE] },
    );
    const found = await ok<RxCandidate[]>('rx.find', { by: 'qr', qr: rx.qr });
    await ok<PrescriptionView>('rx.download', found[0]?.ticket);
    await ok('review.submit', {
      hiRxno: rx.hiRxno,
      result: 'pass',
      opinion: '处方合理，用法用量适宜',
      ecToken: ownVoucher,
    });
    const d = await ok<DispensingView>('dispense.start', { hiRxno: rx.hiRxno });
    await ok('dispense.scan', {
      dispensingId: d.dispensingId,
      code: `8020741${String(serial++).padStart(13, '0')}`,
    });
    await ok('dispense.complete', { dispensingId: d.dispensingId });
    return d.dispensingId;
  };

  beforeAll(async () => {
    h = await startHarness();
    // Nothing delivers on its own: only the settlement service's own request can send the 7206.
    await h.services.worker.stop();
    token = await signedInOnDuty(h, pharmacist);
  });
  afterEach(async () => {
    await h.clearFaults();
  });
  afterAll(async () => {
    await h.close();
  });

  it('previews once the 7206 arrives (2 s late) instead of refusing F5 [R-OPINION][R-SETTLE]', async () => {
    const dispensingId = await dispensedBeforeUpload();
    await h.fault({ target: '7206', kind: 'delay', delayMs: 2000, times: 1 });
    const p = await ok<SettlePreview>('settle.preview', { dispensingId });
    expect(p.dispensingId).toBe(dispensingId);
    const review = h.services.db
      .prepare('SELECT rx_chk_biz_sn FROM rx_reviews WHERE hi_rxno = ? AND superseded_at IS NULL')
      .pluck()
      .get(p.hiRxno);
    expect(review).toBeTruthy();
  });

  it('refuses after the bounded wait when the 7206 cannot be delivered [R-OPINION]', async () => {
    const dispensingId = await dispensedBeforeUpload();
    await h.fault({ target: '7206', kind: 'http5xx' });
    const started = Date.now();
    const r = await api('settle.preview', { dispensingId });
    const waited = Date.now() - started;
    expect(r.error).toMatchObject({ code: 'CONFLICT', ruleId: 'R-OPINION' });
    expect(r.error?.message).toContain('审方结果尚未送达医保中心');
    expect(waited).toBeGreaterThanOrEqual(9_500);
    expect(waited).toBeLessThan(30_000);
  }, 40_000);
});
