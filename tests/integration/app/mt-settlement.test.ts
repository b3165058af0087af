import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ScopeConsentsView,
  SettlementView,
  SettlePreview,
} from '../../../src/contract/types-settlement';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { dispensedRx } from '../../support/dispensed-rx';
import { signedInOnDuty } from '../../support/settled-sale';

const METFORMIN = 'XA10BAA115A001010104107';
const ATORVASTATIN = 'XC10AAA050A001010103356';
const PRODUCT: Record<string, string> = { [METFORMIN]: '8031111', [ATORVASTATIN]: '8041481' };
const DIABETES = { code: 'E11.900', name: '2型糖尿病' };

const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const [zhang] = DEMO_PATIENTS;
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !zhang || !ownVoucher) throw new Error('demo data missing');

let serial = 710_000;
const codeOf = (medListCodg: string) =>
  `${PRODUCT[medListCodg]}${String(serial++).padStart(13, '0')}`;

describe('门特 settlement and the approval flag, app against the sandbox over HTTP', () => {
  let h: Harness;
  let token: string;
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await h.api<T>(method, input, token);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  const sentBody = (dispensingId: number) => {
    const row = h.services.db
      .prepare('SELECT request FROM settlements WHERE dispensing_id = ?')
      .get(dispensingId) as { request: string };
    return (JSON.parse(row.request) as { input: Record<string, unknown> }).input as {
      druginfo: Record<string, unknown>;
      drugdetail: Record<string, unknown>[];
    };
  };

  beforeAll(async () => {
    h = await startHarness();
    await h.services.worker.stop();
    token = await signedInOnDuty(h, pharmacist);
  });
  afterAll(async () => {
    await h.close();
  });

  it('a 门特 prescription settles one-stop as 门特: med_type 14 and its disease code reach 2101 and 2102 [R-MT-SETTLE]', async () => {
    const d = await dispensedRx(h, ok, {
      patient: zhang,
      drugs: [METFORMIN],
      ownVoucher,
      codeOf,
      order: { medType: '14', diagnosis: DIABETES },
    });
    const p = await ok<SettlePreview>('settle.preview', { dispensingId: d.dispensingId });
    const s = await ok<SettlementView>('settle.confirm', {
      dispensingId: d.dispensingId,
      previewId: p.previewId,
    });
    expect(s.state).toBe('settled');
    expect(sentBody(d.dispensingId).druginfo).toMatchObject({
      med_type: '14',
      dise_codg: DIABETES.code,
      dise_name: DIABETES.name,
    });
  });

  it('an ordinary prescription still settles as 定点药店购药 without a disease [R-MT-SETTLE]', async () => {
    const d = await dispensedRx(h, ok, { patient: zhang, drugs: [METFORMIN], ownVoucher, codeOf });
    const p = await ok<SettlePreview>('settle.preview', { dispensingId: d.dispensingId });
    await ok('settle.confirm', { dispensingId: d.dispensingId, previewId: p.previewId });
    const head = sentBody(d.dispensingId).druginfo;
    expect(head.med_type).toBe('41');
    expect(head.dise_codg).toBeUndefined();
  });

  it('the hospital approval flag of each line reaches settlement as prescribed [R-SCOPE]', async () => {
    const d = await dispensedRx(h, ok, {
      patient: zhang,
      drugs: [{ medListCodg: ATORVASTATIN, hospApprFlag: '1' }],
      ownVoucher,
      codeOf,
    });
    const p = await ok<SettlePreview>('settle.preview', { dispensingId: d.dispensingId });
    await ok('settle.confirm', { dispensingId: d.dispensingId, previewId: p.previewId });
    expect(sentBody(d.dispensingId).drugdetail[0]).toMatchObject({ hosp_appr_flag: '1' });
  });

  it('a line outside the restricted scope is refused at settlement until the signed self-pay consent is recorded, then settles as self-pay [R-SCOPE]', async () => {
    const d = await dispensedRx(h, ok, {
      patient: zhang,
      drugs: [
        { medListCodg: METFORMIN, hospApprFlag: '2' },
        { medListCodg: ATORVASTATIN, hospApprFlag: '1' },
      ],
      ownVoucher,
      codeOf,
    });
    const refused = await h.api('settle.preview', { dispensingId: d.dispensingId }, token);
    expect(refused.ok).toBe(false);
    expect(refused.error?.ruleId).toBe('R-SCOPE');
    expect(refused.error?.message).toContain('第1行「盐酸二甲双胍片」');
    expect(refused.error?.message).toContain('自费用药知情同意书');
    expect(refused.error?.citation).toContain('聊城市医疗保障局');
    const direct = await h.api('settle.confirm', { dispensingId: d.dispensingId }, token);
    expect(direct.error?.ruleId).toBe('R-SCOPE');
    const settlements = () =>
      h.services.db
        .prepare('SELECT count(*) FROM settlements WHERE dispensing_id = ?')
        .pluck()
        .get(d.dispensingId);
    expect(settlements()).toBe(0);

    const notNeeded = await h.api(
      'settle.recordScopeConsent',
      {
        dispensingId: d.dispensingId,
        lineNos: [2],
        signedBy: zhang.name,
        signerRelation: 'self',
        formNo: 'ZF-001',
      },
      token,
    );
    expect(notNeeded.error?.message).toContain('无需登记');
    const view = await ok<ScopeConsentsView>('settle.recordScopeConsent', {
      dispensingId: d.dispensingId,
      lineNos: [1],
      signedBy: zhang.name,
      signerRelation: 'self',
      formNo: 'ZF-2026-0001',
    });
    expect(view.outOfScope).toEqual([
      expect.objectContaining({ lineNo: 1, medListCodg: METFORMIN, consented: true }),
    ]);
    expect(view.consents[0]).toMatchObject({ formNo: 'ZF-2026-0001', signerRelation: 'self' });
    expect(view.consents[0]?.signedByMasked).not.toBe(zhang.name);
    expect(view.consents[0]?.recordedByName).toBeTruthy();

    const p = await ok<SettlePreview>('settle.preview', { dispensingId: d.dispensingId });
    const outside = p.lines.find((l) => l.medListCodg === METFORMIN);
    expect(outside?.fullOwnPay).toEqual(outside?.total);
    expect(outside?.selfPayReasons.map((r) => r.ruleId)).toEqual(['R-SCOPE']);
    expect(p.lines.find((l) => l.medListCodg === ATORVASTATIN)?.fullOwnPay.fen).toBe(0);
    const s = await ok<SettlementView>('settle.confirm', {
      dispensingId: d.dispensingId,
      previewId: p.previewId,
    });
    expect(s.state).toBe('settled');
    expect(sentBody(d.dispensingId).drugdetail.map((l) => l.hosp_appr_flag)).toEqual(['2', '1']);
    expect(() => h.services.db.prepare("UPDATE scope_consents SET form_no = 'X'").run()).toThrow(
      /只能追加，不能修改/,
    );
    expect(() => h.services.db.prepare('DELETE FROM scope_consents').run()).toThrow(/不能删除/);
  });
});
