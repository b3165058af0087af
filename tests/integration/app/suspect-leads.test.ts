import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RxCandidate } from '../../../src/contract/types';
import type { ReviewStart } from '../../../src/contract/types-review';
import type { RiskSignal } from '../../../src/domain/risk/signal';
import { createPrescription } from '../../../src/sandbox/hospital/create-prescription';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { signedInOnDuty } from '../../support/settled-sale';

const AMOXICILLIN = 'XJ01CAA040A001010100435';
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const [zhang] = DEMO_PATIENTS;
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !zhang || !ownVoucher) throw new Error('demo data missing');
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const REASON = '一周用量仅需7粒却开具3盒，与诊断不符，疑似超量开药';

describe('over-supply warning and suspicious-prescription leads', () => {
  let h: Harness;
  let token: string;
  let hiRxno: string;
  const api = <T>(method: string, input: unknown) => h.api<T>(method, input, token);

  beforeAll(async () => {
    h = await startHarness();
    await h.services.worker.stop();
    token = await signedInOnDuty(h, pharmacist);
    // The sandbox hospital prescribes 1 粒 once a day: 7 days need 7 粒, a pack holds 24.
    const rx = await createPrescription(
      { baseUrl: h.sandboxUrl },
      { patient: zhang, drugs: [{ medListCodg: AMOXICILLIN, packs: 3, days: 7 }] },
    );
    hiRxno = rx.hiRxno;
    const found = await api<RxCandidate[]>('rx.find', { by: 'qr', qr: rx.qr });
    const downloaded = await api('rx.download', found.value?.[0]?.ticket);
    expect(downloaded.ok, downloaded.error?.message).toBe(true);
  });
  afterAll(async () => {
    await h.close();
  });

  it('the review panel warns of over-supply with the computation, without blocking [R-CHECKS]', async () => {
    const start = await api<ReviewStart>('review.start', { hiRxno });
    const warning = start.value?.findings.find((f) => f.code === 'QUANTITY_OVER_USAGE');
    expect(warning).toMatchObject({ ruleId: 'R-CHECKS', severity: 'warn' });
    expect(warning?.message).toContain('每次1粒 × 每日一次（每日1次） × 7天 = 7粒');
    expect(warning?.message).toContain('需1盒，处方数量3盒（72粒），超出2盒');
    expect(start.value?.reviewable).toBe(true);
  });

  it('a pass cannot carry a suspicion; nothing is stored [R-REPORT-SUSPECT]', async () => {
    const res = await api('review.submit', {
      hiRxno,
      result: 'pass',
      opinion: '处方合理，用法用量适宜',
      ecToken: ownVoucher,
      suspect: { reason: REASON },
    });
    expect(res.ok).toBe(false);
    expect(res.error?.ruleId).toBe('R-REPORT-SUSPECT');
    expect(h.services.db.prepare('SELECT count(*) FROM rx_reviews').pluck().get()).toBe(0);
  });

  it('a rejection as suspicious is stored append-only and listed as a lead for the bureau [R-REPORT-SUSPECT][R-CHECKS]', async () => {
    const res = await api('review.submit', {
      hiRxno,
      result: 'reject',
      opinion: '处方用量明显超过用法用量所需，拒绝调剂',
      ecToken: ownVoucher,
      suspect: { reason: REASON },
    });
    expect(res.ok, res.error?.message).toBe(true);
    const db = h.services.db;
    const lead = db
      .prepare('SELECT hi_rxno, reason FROM suspect_rx_leads WHERE hi_rxno = ?')
      .get(hiRxno);
    expect(lead).toEqual({ hi_rxno: hiRxno, reason: REASON });
    expect(() => db.prepare("UPDATE suspect_rx_leads SET reason = '改写'").run()).toThrow(
      /只能追加/,
    );
    expect(() => db.prepare('DELETE FROM suspect_rx_leads').run()).toThrow(/只能追加/);

    const signals = await api<RiskSignal[]>('risk.signals', { from: today(), to: today() });
    const leads = signals.value?.find((s) => s.id === 'SUSPECT_RX_LEAD');
    expect(leads).toMatchObject({
      ruleId: 'R-REPORT-SUSPECT',
      triggered: true,
      severity: 'alert',
      measureValue: 1,
    });
    expect(leads?.explanation).toContain('反映存疑外配处方线索');
    const row = leads?.drill.rows[0];
    expect(row).toMatchObject({ rx: hiRxno, reason: REASON });
    expect(String(row?.patient)).not.toContain(zhang.certno);
    expect(String(row?.patient)).not.toContain(zhang.name);
  });
});
