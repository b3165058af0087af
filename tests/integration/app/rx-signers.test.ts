import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PrescriptionView, RxCandidate } from '../../../src/contract/types';
import {
  createPrescription,
  type PrescriptionOrder,
} from '../../../src/sandbox/hospital/create-prescription';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { signedInOnDuty } from '../../support/settled-sale';

const AMOXICILLIN = 'XJ01CAA040A001010100435';
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const [zhang] = DEMO_PATIENTS;
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !zhang || !ownVoucher) throw new Error('demo data missing');

describe('a prescription without its physician’s or reviewing pharmacist’s signature', () => {
  let h: Harness;
  let token: string;
  const api = <T>(method: string, input: unknown) => h.api<T>(method, input, token);

  const issueUnsigned = async (unsigned: NonNullable<PrescriptionOrder['unsigned']>) => {
    await h.fault({ target: 'epc:*', kind: 'unchecked-signers' });
    try {
      return await createPrescription(
        { baseUrl: h.sandboxUrl },
        { patient: zhang, drugs: [AMOXICILLIN], unsigned },
      );
    } finally {
      await h.clearFaults();
    }
  };

  beforeAll(async () => {
    h = await startHarness();
    await h.services.worker.stop();
    token = await signedInOnDuty(h, pharmacist);
  });
  afterEach(async () => {
    await h.clearFaults();
  });
  afterAll(async () => {
    await h.close();
  });

  it('the sandbox center refuses to sign one unless its signer check is faulted off [R-SIGNERS]', async () => {
    await expect(
      createPrescription(
        { baseUrl: h.sandboxUrl },
        { patient: zhang, drugs: [AMOXICILLIN], unsigned: 'pharmacist' },
      ),
    ).rejects.toThrow(/不能为空/);
  });

  it.each([
    ['physician', '开方医师'],
    ['pharmacist', '审核药师'],
    ['reviewTime', '审核时间'],
  ] as const)(
    'an empty %s is not verified, blocks review and is stored as failed [R-SIGNERS]',
    async (unsigned, label) => {
      const rx = await issueUnsigned(unsigned);
      const found = await api<RxCandidate[]>('rx.find', { by: 'qr', qr: rx.qr });
      const downloaded = await api<PrescriptionView>('rx.download', found.value?.[0]?.ticket);
      expect(downloaded.ok, downloaded.error?.message).toBe(true);
      const view = downloaded.value;
      expect(view?.reviewable).toBe(false);
      const signers = view?.findings.find((f) => f.ruleId === 'R-SIGNERS');
      expect(signers).toMatchObject({ severity: 'block', code: 'SIGNERS_MISSING' });
      expect(signers?.message).toContain(label);
      expect(signers?.citation).toContain('R-SIGNERS');

      const review = await api('review.submit', {
        hiRxno: rx.hiRxno,
        result: 'pass',
        opinion: '处方合理',
        ecToken: ownVoucher,
      });
      expect(review.ok).toBe(false);
      const stored = h.services.db
        .prepare('SELECT verification FROM prescriptions WHERE hi_rxno = ?')
        .pluck()
        .get(rx.hiRxno);
      expect(stored).toBe('failed');
      const reviews = h.services.db
        .prepare('SELECT count(*) FROM rx_reviews WHERE hi_rxno = ?')
        .pluck()
        .get(rx.hiRxno);
      expect(reviews).toBe(0);
    },
  );
});
