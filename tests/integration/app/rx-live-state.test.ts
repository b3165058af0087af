import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrescriptionView, RxCandidate, RxListItem } from '../../../src/contract/types';
import type { DispensingView } from '../../../src/contract/types-dispense';
import type { SettlementView, SettlePreview } from '../../../src/contract/types-settlement';
import { createPrescription } from '../../../src/sandbox/hospital/create-prescription';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { signedInOnDuty } from '../../support/settled-sale';

const AMLODIPINE = { code: 'XC08CAA010A001010201587', productId: '8020741' };
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const [zhang] = DEMO_PATIENTS;
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !zhang || !ownVoucher) throw new Error('demo data missing');

describe('one live status per prescription, from the counter’s own records', () => {
  let h: Harness;
  let token: string;
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await h.api<T>(method, input, token);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  /** What the header (rx.get) and the F8 list (rx.list) say now: they must agree. */
  const liveNow = async (hiRxno: string) => {
    const view = await ok<PrescriptionView>('rx.get', { hiRxno });
    const listed = (await ok<RxListItem[]>('rx.list', {})).find((i) => i.hiRxno === hiRxno);
    expect(listed?.live).toEqual(view.live);
    return [view.live.code, view.live.label, view.live.next?.key ?? null];
  };

  beforeAll(async () => {
    h = await startHarness();
    await h.services.worker.stop();
    token = await signedInOnDuty(h, pharmacist);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('header and F8 list move together through review, dispensing, settlement and refund [R-STATUS][R-SETTLE][R-REVERSE]', async () => {
    const rx = await createPrescription(
      { baseUrl: h.sandboxUrl },
      { patient: zhang.name, drugs: [AMLODIPINE.code] },
    );
    const found = await ok<RxCandidate[]>('rx.find', { by: 'qr', qr: rx.qr });
    await ok<PrescriptionView>('rx.download', found[0]?.ticket);
    const steps = [await liveNow(rx.hiRxno)];

    await ok('review.submit', {
      hiRxno: rx.hiRxno,
      result: 'pass',
      opinion: '处方合理，用法用量适宜',
      ecToken: ownVoucher,
    });
    await h.services.worker.sendNow();
    steps.push(await liveNow(rx.hiRxno));

    const d = await ok<DispensingView>('dispense.start', { hiRxno: rx.hiRxno });
    steps.push(await liveNow(rx.hiRxno));
    const code = `${AMLODIPINE.productId}${String(Date.now() % 1e13).padStart(13, '0')}`;
    await ok('dispense.scan', { dispensingId: d.dispensingId, code });
    await ok('dispense.complete', { dispensingId: d.dispensingId });
    steps.push(await liveNow(rx.hiRxno));

    const p = await ok<SettlePreview>('settle.preview', { dispensingId: d.dispensingId });
    const s = await ok<SettlementView>('settle.confirm', {
      dispensingId: d.dispensingId,
      previewId: p.previewId,
    });
    await h.services.worker.sendNow();
    steps.push(await liveNow(rx.hiRxno));

    await ok('refund.start', { settlementId: s.settlementId, reason: '患者下午回来要求退药' });
    steps.push(await liveNow(rx.hiRxno));

    expect(steps).toEqual([
      ['to_review', '有效·待审方', 'F6'],
      ['to_dispense', '审核通过·待调剂', 'F7'],
      ['dispensing', '调剂中', 'F7'],
      ['to_settle', '已调剂·待结算', 'F5'],
      ['settled', '已结算', null],
      ['refunded', '已退费', null],
    ]);
  });
});
