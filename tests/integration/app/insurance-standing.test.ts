import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InsuredPerson, PrescriptionView, RxCandidate } from '../../../src/contract/types';
import { createPrescription } from '../../../src/sandbox/hospital/create-prescription';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { signedInOnDuty } from '../../support/settled-sale';

const OMEPRAZOLE = 'XA02BCA010E001020100889';
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const zhaoLei = DEMO_PATIENTS.find((p) => p.name === '赵磊');
const chenJing = DEMO_PATIENTS.find((p) => p.name === '陈静');
const zhang = DEMO_PATIENTS[0];
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !zhaoLei || !chenJing || !zhang || !ownVoucher) throw new Error('demo data');

/**
 * Issue 19 item 8: a suspended or 异地 person is named in red at identification (1101) and on
 * the downloaded prescription, and an e-prescription of a person not insured in force is not
 * dispensed on insurance: the service refuses, and the database refuses too.
 */
describe('insurance standing at identification, download and dispensing', () => {
  let h: Harness;
  let token: string;
  const api = <T>(method: string, input: unknown) => h.api<T>(method, input, token);
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await api<T>(method, input);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  const downloadAndPass = async (patient: typeof zhang, drug: string) => {
    const rx = await createPrescription({ baseUrl: h.sandboxUrl }, { patient, drugs: [drug] });
    const found = await ok<RxCandidate[]>('rx.find', { by: 'qr', qr: rx.qr });
    const view = await ok<PrescriptionView>('rx.download', found[0]?.ticket);
    await ok('review.submit', {
      hiRxno: rx.hiRxno,
      result: 'pass',
      opinion: '处方合理，用法用量适宜',
      ecToken: ownVoucher,
    });
    return view;
  };
  const dispensingsOf = (hiRxno: string) =>
    h.services.db.prepare('SELECT count(*) FROM dispensings WHERE hi_rxno = ?').pluck().get(hiRxno);

  beforeAll(async () => {
    h = await startHarness();
    token = await signedInOnDuty(h, pharmacist);
  });
  afterAll(async () => {
    await h.close();
  });

  it('identification names a suspended person in red with what follows and the next step [R-SETTLE]', async () => {
    const p = await ok<InsuredPerson>('patient.lookup', {
      certType: '01',
      certNo: zhaoLei.ecToken,
    });
    expect(p.insuranceNotices).toHaveLength(1);
    const [n] = p.insuranceNotices;
    expect(n).toMatchObject({
      kind: 'not-insured',
      ruleId: 'R-SETTLE',
      title: '参保状态：暂停参保',
    });
    expect(n?.message).toContain('医保结算不可用');
    expect(n?.nextStep).toContain('恢复参保');
  });

  it('identification names an 异地 person with 备案 and the pool area [R-REGION]', async () => {
    const p = await ok<InsuredPerson>('patient.lookup', {
      certType: '01',
      certNo: chenJing.ecToken,
    });
    expect(p.insuranceNotices.map((n) => n.kind)).toEqual(['remote']);
    expect(p.insuranceNotices[0]?.title).toBe('异地参保：参保地 四川省成都市（510100）');
    expect(p.insuranceNotices[0]?.message).toContain('异地就医需在参保地办理备案');
    expect(p.insuranceNotices[0]?.message).toContain('重庆');
  });

  it('a person insured in force here has no notice [R-SETTLE]', async () => {
    const p = await ok<InsuredPerson>('patient.lookup', { certType: '01', certNo: zhang.ecToken });
    expect(p.insuranceNotices).toEqual([]);
  });

  it('the download says it too, and dispensing on insurance is refused before any scan; nothing stored [R-SETTLE]', async () => {
    const view = await downloadAndPass(zhaoLei, OMEPRAZOLE);
    expect(view.insuranceNotices.map((n) => n.kind)).toEqual(['not-insured']);
    const again = await ok<PrescriptionView>('rx.get', { hiRxno: view.hiRxno });
    expect(again.insuranceNotices.map((n) => n.kind)).toEqual(['not-insured']);

    const r = await api('dispense.start', { hiRxno: view.hiRxno });
    expect(r.error).toMatchObject({ code: 'POLICY', ruleId: 'R-SETTLE' });
    expect(r.error?.message).toContain('暂停参保');
    expect(r.error?.message).toContain('不能按医保调剂');
    expect(r.error?.citation).toBeTruthy();
    expect(dispensingsOf(view.hiRxno)).toBe(0);
  });

  it('the database itself refuses a dispensing of that person [R-SETTLE]', async () => {
    const view = await downloadAndPass(zhaoLei, OMEPRAZOLE);
    const certno = h.services.db
      .prepare('SELECT certno FROM prescriptions WHERE hi_rxno = ?')
      .pluck()
      .get(view.hiRxno) as string;
    const insert = () =>
      h.services.db
        .prepare(
          `INSERT INTO dispensings (hi_rxno, certno, patient_name, staff_id, state, started_at)
           VALUES (?, ?, '赵磊', 1, 'open', 0)`,
        )
        .run(view.hiRxno, certno);
    expect(insert).toThrow(/不是正常参保/);
  });

  it('an 异地 patient is warned but not refused at dispensing: the center decides at settlement [R-REGION]', async () => {
    const view = await downloadAndPass(chenJing, 'XC09CAL010A001010203021');
    expect(view.insuranceNotices.map((n) => n.kind)).toEqual(['remote']);
    const d = await api('dispense.start', { hiRxno: view.hiRxno });
    expect(d.ok, d.error?.message).toBe(true);
  });
});
