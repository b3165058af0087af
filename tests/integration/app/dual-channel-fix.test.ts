import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrescriptionView, RxCandidate } from '../../../src/contract/types';
import {
  createPrescription,
  type PrescriptionOrder,
} from '../../../src/sandbox/hospital/create-prescription';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { signedInOnDuty } from '../../support/settled-sale';

const EMPAGLIFLOZIN = 'XA10BKE020A001010103765';
const OSIMERTINIB = 'XL01EBA110A001010101911';
const JIANGBEI = 'H50010500002';

const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const [zhang] = DEMO_PATIENTS;
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !zhang || !ownVoucher) throw new Error('demo data missing');

const CHECKS = {
  identityChecked: true,
  prescriptionChecked: true,
  medicalRecordChecked: true,
  note: '已核对身份证、处方与病历',
};

describe('dual-channel “三定” at review, app against the sandbox over HTTP', () => {
  let h: Harness;
  let token: string;
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await h.api<T>(method, input, token);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  /** Hospital issues, counter downloads; returns the view and the answer to a review pass. */
  const downloadAndPass = async (order: Omit<PrescriptionOrder, 'patient'>) => {
    const rx = await createPrescription({ baseUrl: h.sandboxUrl }, { patient: zhang, ...order });
    const found = await ok<RxCandidate[]>('rx.find', { by: 'qr', qr: rx.qr });
    const view = await ok<PrescriptionView>('rx.download', found[0]?.ticket);
    const pass = await h.api(
      'review.submit',
      {
        hiRxno: rx.hiRxno,
        result: 'pass',
        opinion: '处方合理，用法用量适宜',
        ecToken: ownVoucher,
        dualChannel: CHECKS,
      },
      token,
    );
    const start = await h.api('dispense.start', { hiRxno: rx.hiRxno }, token);
    return { view, pass, start };
  };
  const profile = (hospLv: string, specName: string) =>
    h.sandbox.db
      .prepare('UPDATE institutions SET hosp_lv = ?, spec_name = ? WHERE fixmedins_code = ?')
      .run(hospLv, specName, JIANGBEI);
  const dualFix = (v: PrescriptionView) => v.findings.filter((f) => f.ruleId === 'R-DUAL-FIX');

  beforeAll(async () => {
    h = await startHarness();
    await h.services.worker.stop();
    token = await signedInOnDuty(h, pharmacist);
  });
  afterAll(async () => {
    await h.close();
  });

  it('refuses a dual-channel prescription of a level-1 hospital at review, and so at dispensing [R-DUAL-FIX]', async () => {
    profile('1', '');
    const r = await downloadAndPass({ hospital: JIANGBEI, drugs: [EMPAGLIFLOZIN] });
    expect(dualFix(r.view).map((f) => f.message)).toEqual([
      expect.stringContaining('须由二级及以上定点医疗机构开具，开方机构为1级医疗机构'),
    ]);
    expect(r.pass.ok).toBe(false);
    expect(r.pass.error?.ruleId).toBe('R-DUAL-FIX');
    expect(r.pass.error?.citation).toContain('“双通道”');
    expect(r.start.ok).toBe(false);
    profile('2', '');
    const level2 = await downloadAndPass({ hospital: JIANGBEI, drugs: [EMPAGLIFLOZIN] });
    expect(dualFix(level2.view)).toEqual([]);
    expect(level2.pass.ok, level2.pass.error?.message).toBe(true);
  });

  it('refuses a dual-channel drug prescribed by a doctor who is not a registered responsible physician [R-DUAL-FIX]', async () => {
    profile('3', '');
    const r = await downloadAndPass({ hospital: JIANGBEI, drugs: [EMPAGLIFLOZIN], staffIndex: 2 });
    expect(r.pass.error?.ruleId).toBe('R-DUAL-FIX');
    expect(r.pass.error?.message).toContain('责任医师');
    const ordinary = await downloadAndPass({
      hospital: JIANGBEI,
      drugs: ['XC08CAA010A001010201587'],
      staffIndex: 2,
    });
    expect(ordinary.pass.ok, ordinary.pass.error?.message).toBe(true);
  });

  it('a specialty hospital may prescribe dual-channel drugs only within its specialty [R-DUAL-FIX]', async () => {
    profile('3', '肿瘤');
    const outside = await downloadAndPass({ hospital: JIANGBEI, drugs: [EMPAGLIFLOZIN] });
    expect(outside.pass.error?.ruleId).toBe('R-DUAL-FIX');
    expect(outside.pass.error?.message).toContain('肿瘤专科医院');
    const inside = await downloadAndPass({ hospital: JIANGBEI, drugs: [OSIMERTINIB] });
    expect(inside.pass.ok, inside.pass.error?.message).toBe(true);
    profile('3', '');
  });

  it('a 门诊慢特病 patient needs the approved dual-channel application form, whose number the prescription records [R-DUAL-FIX]', async () => {
    const without = await downloadAndPass({ drugs: [EMPAGLIFLOZIN], medType: '14' });
    expect(without.pass.error?.ruleId).toBe('R-DUAL-FIX');
    expect(without.pass.error?.message).toContain('《“双通道”药品使用申请表》');
    const withForm = await downloadAndPass({
      drugs: [EMPAGLIFLOZIN],
      medType: '14',
      dualApplyNo: 'SQ-2026-0042',
    });
    expect(withForm.pass.ok, withForm.pass.error?.message).toBe(true);
    expect(withForm.view.dualChannelApplyNo).toBe('SQ-2026-0042');
  });
});
