import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrescriptionView, RxCandidate, RxListItem } from '../../../src/contract/types';
import { createPrescription } from '../../../src/sandbox/hospital/create-prescription';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { signedInOnDuty } from '../../support/settled-sale';

const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const [zhang] = DEMO_PATIENTS;
if (!pharmacist || !zhang) throw new Error('demo data missing');

/** Issue 19 minor: two prescriptions of one patient from one hospital can be told apart. */
describe('prescription lists name drugs, prescriber and the number’s last digits', () => {
  let h: Harness;
  let token: string;
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

  it('the center’s list and the recent list show each row’s drugs and 尾号 [R-CHECKS]', async () => {
    const issued: string[] = [];
    for (const drug of ['XC08CAA010A001010201587', 'XJ01CAA040A001010100435']) {
      const rx = await createPrescription(
        { baseUrl: h.sandboxUrl },
        { patient: zhang, drugs: [drug] },
      );
      const found = await ok<RxCandidate[]>('rx.find', { by: 'qr', qr: rx.qr });
      expect(found[0]?.rxnoTail).toBe(rx.hiRxno.slice(-6));
      await ok<PrescriptionView>('rx.download', found[0]?.ticket);
      issued.push(rx.hiRxno);
    }
    const listed = await ok<RxCandidate[]>('rx.find', {
      by: 'cert',
      certType: '01',
      certNo: zhang.ecToken,
    });
    const rows = listed.filter((c) => issued.includes(c.hiRxno));
    expect(rows.map((c) => [c.rxnoTail, c.drugs])).toEqual(
      expect.arrayContaining([
        [issued[0]?.slice(-6), ['苯磺酸氨氯地平片']],
        [issued[1]?.slice(-6), ['阿莫西林胶囊']],
      ]),
    );
    const recent = (await ok<RxListItem[]>('rx.list', {})).filter((r) => issued.includes(r.hiRxno));
    expect(recent.map((r) => r.drugs).sort()).toEqual(
      [['苯磺酸氨氯地平片'], ['阿莫西林胶囊']].sort(),
    );
    for (const r of recent) {
      expect(r.rxnoTail).toBe(r.hiRxno.slice(-6));
      expect(r.doctorName).not.toBe('');
    }
  });
});
