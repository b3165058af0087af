import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RxCandidate } from '../../../src/contract/types';
import type { DispensingView, ScanVerdict } from '../../../src/contract/types-dispense';
import type { RiskSignal } from '../../../src/contract/types-risk';
import { createPrescription } from '../../../src/sandbox/hospital/create-prescription';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';

const AMOXICILLIN = 'XJ01CAA040A001010100435';
/** 乙类非处方药: may be prescribed and sold for cash (R-GSP-RX). */
const LORATADINE = 'XR06AXL020A001010101672';
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const cashier = DEMO_STAFF.find((s) => s.role === 'cashier');
const [zhang, li] = DEMO_PATIENTS;
if (!pharmacist || !cashier || !zhang || !li) throw new Error('demo data missing');

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('risk signals over HTTP', () => {
  let h: Harness;
  let token = '';
  const passed = new Set<string>();

  const ok = async <T>(method: string, input: unknown, as = token): Promise<T> => {
    const r = await h.api<T>(method, input, as);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  const login = async (who: { username: string; password: string }) =>
    (
      await ok<{ token: string }>(
        'auth.login',
        { username: who.username, password: who.password },
        '',
      )
    ).token;
  const dispensingFor = async (patient: typeof zhang, drug = AMOXICILLIN) => {
    const rx = await createPrescription({ baseUrl: h.sandboxUrl }, { patient, drugs: [drug] });
    const found = await ok<RxCandidate[]>('rx.find', { by: 'qr', qr: rx.qr });
    await ok('rx.download', found[0]?.ticket);
    passed.add(rx.hiRxno);
    return ok<DispensingView>('dispense.start', { hiRxno: rx.hiRxno });
  };
  const signals = (as = token) =>
    h.api<RiskSignal[]>('risk.signals', { from: today(), to: today() }, as);

  beforeAll(async () => {
    h = await startHarness();
    h.services.dispense.useReviewGate({
      isReviewPassed: (hiRxno) =>
        passed.has(hiRxno)
          ? { passed: true, reason: '审方已通过' }
          : { passed: false, reason: '该处方尚未审方' },
    });
    token = await login(pharmacist);
  });
  afterAll(async () => {
    await h.close();
  });

  it('two refused scans of one already-sold code raise the repeated-code signal [R-RISK][R-TRACE-ONCE]', async () => {
    const before = await ok<RiskSignal[]>('risk.signals', { from: today(), to: today() });
    expect(before.find((s) => s.id === 'REPEATED_REFUSED_CODE')?.triggered).toBe(false);

    const code = `8010371${String(Date.now() % 1e13).padStart(13, '0')}`;
    const first = await dispensingFor(zhang);
    await ok<ScanVerdict>('dispense.scan', { dispensingId: first.dispensingId, code });
    await ok('dispense.complete', { dispensingId: first.dispensingId });

    const second = await dispensingFor(li);
    for (let i = 0; i < 2; i++) {
      const v = await ok<ScanVerdict>('dispense.scan', { dispensingId: second.dispensingId, code });
      expect(v).toMatchObject({
        verdict: 'refused',
        reason: 'ALREADY_SOLD',
        ruleId: 'R-TRACE-ONCE',
      });
    }

    const after = await ok<RiskSignal[]>('risk.signals', { from: today(), to: today() });
    expect(after).toHaveLength(6);
    const s = after.find((x) => x.id === 'REPEATED_REFUSED_CODE');
    expect(s).toMatchObject({
      triggered: true,
      severity: 'alert',
      ruleId: 'R-RISK',
      measureValue: 1,
    });
    expect(s?.relatedRuleIds).toContain('R-TRACE-ONCE');
    expect(after[0]?.id).toBe('REPEATED_REFUSED_CODE');
    expect(s?.drill.rows).toEqual([
      expect.objectContaining({ code, drug: '阿莫西林胶囊', times: 2, reasons: '已售出' }),
    ]);
    expect(String(s?.drill.rows[0]?.where)).toContain(second.hiRxno);
    expect(s?.explanation).toContain('国家医保局《关于规范医保药品外配处方管理的通知》 前言');
  });

  it('records a self-pay sale refused for an already-sold code [R-RISK][R-TRACE-ONCE]', async () => {
    const code = `8062221${String((Date.now() + 7) % 1e13).padStart(13, '0')}`;
    const d = await dispensingFor(zhang, LORATADINE);
    await ok<ScanVerdict>('dispense.scan', { dispensingId: d.dispensingId, code });
    await ok('dispense.complete', { dispensingId: d.dispensingId });
    const sale = await h.api(
      'sale.selfPay',
      { items: [{ medListCodg: LORATADINE, codes: [code] }] },
      token,
    );
    expect(sale.error).toMatchObject({ code: 'POLICY', ruleId: 'R-TRACE-ONCE' });
    const rows = h.services.db
      .prepare(
        'SELECT channel, dispensing_id, reason, rule_id FROM scan_refusals WHERE pack_key = ?',
      )
      .all(code);
    expect(rows).toEqual([
      { channel: 'self_pay', dispensing_id: null, reason: 'ALREADY_SOLD', rule_id: 'R-TRACE-ONCE' },
    ]);
  });

  it('refuses a cashier with FORBIDDEN [R-RISK]', async () => {
    const cashierToken = await login(cashier);
    const r = await signals(cashierToken);
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ code: 'FORBIDDEN', ruleId: 'R-RISK' });
    expect(r.error?.message).toContain('收银员');
  });

  it('validates the period at the boundary [R-RISK]', async () => {
    const r = await h.api('risk.signals', { from: '2025-13-01', to: today() }, token);
    expect(r.error?.code).toBe('VALIDATION');
    const reversed = await h.api('risk.signals', { from: today(), to: '2020-01-01' }, token);
    expect(reversed.error).toMatchObject({ code: 'VALIDATION' });
  });
});
