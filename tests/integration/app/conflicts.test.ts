import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrescriptionView, RxCandidate } from '../../../src/contract/types';
import type { DispensingView } from '../../../src/contract/types-dispense';
import type { OutboxItemView } from '../../../src/contract/types-outbox';
import type { ReviewStart } from '../../../src/contract/types-review';
import {
  createPrescription,
  revokePrescription,
} from '../../../src/sandbox/hospital/create-prescription';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { signedInOnDuty } from '../../support/settled-sale';

const AMLODIPINE = 'XC08CAA010A001010201587';
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const [zhang] = DEMO_PATIENTS;
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !zhang || !ownVoucher) throw new Error('demo data missing');
const ADVICE = '处方已被医院撤销/已在他处使用：请停止发药，联系开方医院；已收费的请办理退费';

describe('conflicts: a prescription revoked at the center while the counter was offline [R-STATUS]', () => {
  let h: Harness;
  let token: string;
  const api = <T>(method: string, input: unknown) => h.api<T>(method, input, token);
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await api<T>(method, input);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };

  beforeAll(async () => {
    h = await startHarness();
    await h.services.worker.stop();
    token = await signedInOnDuty(h, pharmacist);
  });
  afterAll(async () => {
    await h?.close();
  });

  const downloaded = async () => {
    const rx = await createPrescription(
      { baseUrl: h.sandboxUrl },
      { patient: zhang, drugs: [AMLODIPINE] },
    );
    const found = await ok<RxCandidate[]>('rx.find', { by: 'qr', qr: rx.qr });
    await ok<PrescriptionView>('rx.download', found[0]?.ticket);
    return rx;
  };
  const review = (hiRxno: string) =>
    ok('review.submit', {
      hiRxno,
      result: 'pass',
      opinion: '处方合理，用法用量适宜',
      ecToken: ownVoucher,
      dualChannel: {
        identityChecked: true,
        prescriptionChecked: true,
        medicalRecordChecked: true,
        note: '已核对身份证、处方与病历',
      },
    });
  const itemsOf = async (infno: string) =>
    (await ok<OutboxItemView[]>('outbox.list', { status: 'undelivered' })).filter(
      (i) => i.infno === infno,
    );

  it('notices the refusal at delivery, parks the 7206 with what to do, blocks the prescription and its settlement', async () => {
    const rx = await downloaded();
    let dispensingId = 0;
    await h.fault({ target: '7206', kind: 'http5xx' });
    try {
      await review(rx.hiRxno);
      await h.services.worker.sendNow();
      const held = await itemsOf('7206');
      expect(held).toHaveLength(1);
      expect(held[0]?.status).toBe('pending');
      // Offline, the pharmacist goes on dispensing the reviewed prescription.
      const d = await ok<DispensingView>('dispense.start', { hiRxno: rx.hiRxno });
      expect(d.lines).toHaveLength(1);
      await ok('dispense.scan', { dispensingId: d.dispensingId, code: '80207410000000770001' });
      await ok('dispense.complete', { dispensingId: d.dispensingId });
      dispensingId = d.dispensingId;
      // Meanwhile the hospital revokes it.
      const revoked = await revokePrescription(
        { baseUrl: h.sandboxUrl },
        { hiRxno: rx.hiRxno, fixmedinsCode: rx.fixmedinsCode },
      );
      expect(revoked.rxStasName).toBe('已撤销');
    } finally {
      await h.clearFaults();
    }
    const r = await h.services.worker.sendNow();
    expect(r.parked).toBe(1);
    const [parked] = await itemsOf('7206');
    expect(parked?.status).toBe('parked');
    expect(parked?.lastError).toContain('处方已被医疗机构撤销');
    expect(parked?.lastError).toContain(ADVICE);

    const view = await ok<PrescriptionView>('rx.get', { hiRxno: rx.hiRxno });
    expect(view.status.name).toBe('已撤销');
    expect(view.reviewable).toBe(false);
    expect(view.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'R-STATUS', severity: 'block' }),
    );
    const start = await ok<ReviewStart>('review.start', { hiRxno: rx.hiRxno });
    expect(start.findings[0]).toMatchObject({
      ruleId: 'R-STATUS',
      code: 'RX_CONFLICT_AT_CENTER',
      severity: 'block',
    });
    expect(start.findings[0]?.message).toContain(ADVICE);
    expect(start.reviewable).toBe(false);

    const settle = await api('settle.confirm', { dispensingId });
    expect(settle.error).toMatchObject({ code: 'CONFLICT', ruleId: 'R-STATUS' });
    expect(settle.error?.message).toContain(ADVICE);

    // Resending gives the same refusal: still parked, still flagged, nothing delivered.
    await ok('outbox.requeue', { id: parked?.id });
    await h.services.worker.sendNow();
    expect((await itemsOf('7206'))[0]?.status).toBe('parked');
  });

  it('leaves other refusals alone: a prescription still valid is not flagged', async () => {
    const rx = await downloaded();
    await review(rx.hiRxno);
    await h.services.worker.sendNow();
    const view = await ok<PrescriptionView>('rx.get', { hiRxno: rx.hiRxno });
    expect(view.status.name).toBe('有效');
    const start = await ok<ReviewStart>('review.start', { hiRxno: rx.hiRxno });
    expect(start.findings.map((f) => f.code)).not.toContain('RX_CONFLICT_AT_CENTER');
  });
});
