import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SettlementView, SettlePreview } from '../../../src/contract/types-settlement';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { dispensedRx } from '../../support/dispensed-rx';
import { signedInOnDuty } from '../../support/settled-sale';

const EMPAGLIFLOZIN = 'XA10BKE020A001010103765';
const AMOXICILLIN = 'XJ01CAA040A001010100435';
const PRODUCT: Record<string, string> = { [EMPAGLIFLOZIN]: '8124441', [AMOXICILLIN]: '8010371' };
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const [, li] = DEMO_PATIENTS;
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !li || !ownVoucher) throw new Error('demo data missing');
let serial = 670_000;

describe('dual-channel drugs for an inpatient settle with the stay, not at the pharmacy, over HTTP [R-MT-SETTLE]', () => {
  let h: Harness;
  let token: string;
  const api = <T>(method: string, input: unknown) => h.api<T>(method, input, token);
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await api<T>(method, input);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  const dispensed = (drugs: string[], medType: '11' | '21') =>
    dispensedRx(h, ok, {
      patient: li,
      drugs,
      ownVoucher,
      order: { medType },
      codeOf: (c) => `${PRODUCT[c]}${String(serial++).padStart(13, '0')}`,
    });
  const atCenter = async (hiRxno: string) => {
    const res = await fetch(`${h.sandboxUrl}/x/sandbox/settlements?hi_rxno=${hiRxno}`);
    return ((await res.json()) as { settlements: unknown[] }).settlements.length;
  };

  beforeAll(async () => {
    h = await startHarness();
    token = await signedInOnDuty(h, pharmacist);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('an inpatient stay’s dual-channel prescription is dispensed, but neither previewed nor settled as an outpatient sale; nothing is stored or sent [R-MT-SETTLE][R-SETTLE]', async () => {
    const d = await dispensed([EMPAGLIFLOZIN], '21');
    const state = h.services.db
      .prepare('SELECT state FROM dispensings WHERE id = ?')
      .pluck()
      .get(d.dispensingId);
    expect(state).toBe('completed');
    expect(d.codes).toHaveLength(1);

    const preview = await api<SettlePreview>('settle.preview', { dispensingId: d.dispensingId });
    expect(preview.error).toMatchObject({ code: 'POLICY', ruleId: 'R-MT-SETTLE' });
    expect(preview.error?.message).toContain('与住院费用合并结算');
    expect(preview.error?.citation).toContain('“双通道”药品管理的通知》 §三(一)');
    const confirm = await api<SettlementView>('settle.confirm', { dispensingId: d.dispensingId });
    expect(confirm.error).toMatchObject({ code: 'POLICY', ruleId: 'R-MT-SETTLE' });
    const stored = h.services.db
      .prepare('SELECT count(*) FROM settlements WHERE dispensing_id = ?')
      .pluck()
      .get(d.dispensingId);
    expect(stored).toBe(0);
    expect(await atCenter(d.hiRxno)).toBe(0);
  });

  it('the same drug prescribed at an outpatient visit, and an inpatient’s drug that is not dual-channel, still settle at the pharmacy [R-MT-SETTLE]', async () => {
    const outpatient = await dispensed([EMPAGLIFLOZIN], '11');
    const p = await ok<SettlePreview>('settle.preview', { dispensingId: outpatient.dispensingId });
    expect(p.previewId).toBeTruthy();
    const inpatientOther = await dispensed([AMOXICILLIN], '21');
    const q = await ok<SettlePreview>('settle.preview', {
      dispensingId: inpatientOther.dispensingId,
    });
    expect(q.previewId).toBeTruthy();
  });
});
