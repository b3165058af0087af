import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isValidIdNumber } from '../../../src/domain/paper/id-number';
import { checkPaperPrescription } from '../../../src/domain/paper/paper-checks';
import type { PaperFields } from '../../../src/domain/paper/paper-types';
import type { PolicyPack } from '../../../src/domain/policy/policy-pack';
import { loadCatalog } from '../../../src/services/catalog-loader';
import { loadPolicyPacks } from '../../../src/services/policy-loader';
import {
  AMLODIPINE,
  DIAZEPAM,
  idNumber,
  OSIMERTINIB,
  paperFields,
} from '../../support/paper-fixtures';

const packs = loadPolicyPacks(path.resolve(import.meta.dirname, '../../../config/policy'), {
  pharmacyAdmdvs: '500103',
});
const pack = (id: string) => packs.find((p) => p.id === id) as PolicyPack;
/** The packs as a pharmacy registered in Dongguan sees them. */
const dongguanPharmacyPacks = loadPolicyPacks(
  path.resolve(import.meta.dirname, '../../../config/policy'),
  { pharmacyAdmdvs: '441900' },
);
const catalog = loadCatalog();
const lookup = (code: string) => catalog.get(code);
const AT = new Date('2026-11-23T10:00:00+08:00');
const fields = (over: Partial<PaperFields> = {}) =>
  ({ ...paperFields({ rxDate: '2026-11-23' }), ...over }) as PaperFields;
const run = (f: PaperFields, id = '500000', at = AT) =>
  checkPaperPrescription(f, pack(id), lookup, at);
const blocks = (f: PaperFields, id?: string, at?: Date) =>
  run(f, id, at).filter((x) => x.severity === 'block');

describe('paper prescription checks at capture', () => {
  it('accepts a complete in-region prescription [R-PAPER-VALID]', () => {
    expect(blocks(fields())).toEqual([]);
  });

  it('refuses without the physician signature or the external-prescription stamp [R-PAPER-VALID]', () => {
    const found = blocks(fields({ signatureConfirmed: false, stampConfirmed: false }));
    expect(found.map((f) => f.code)).toEqual(['PAPER_NO_SIGNATURE', 'PAPER_NO_STAMP']);
    expect(found[0]?.citation).toContain('外配处方管理的通知》 §一');
  });

  it('refuses an institution of another pool area [R-REGION]', () => {
    const found = blocks(fields({ institutionCode: 'H44190000001' }));
    expect(found.map((f) => [f.ruleId, f.code])).toEqual([['R-REGION', 'OUT_OF_REGISTERED_AREA']]);
  });

  it('refuses an expired or future-dated prescription, counted from the issue date [R-VALID]', () => {
    expect(blocks(fields({ rxDate: '2026-11-17' }))).toEqual([]);
    const expired = blocks(fields({ rxDate: '2026-11-16' }));
    expect(expired[0]?.code).toBe('RX_EXPIRED');
    expect(expired[0]?.citation).toContain('重庆市政策包');
    expect(blocks(fields({ rxDate: '2026-11-24' }))[0]?.code).toBe('RX_DATE_FUTURE');
    expect(blocks(fields({ rxDate: '2026-02-30' }))[0]?.code).toBe('RX_DATE_INVALID');
  });

  it('refuses an excluded drug class [R-EXCLUDED]', () => {
    const found = blocks(fields({ lines: [{ medListCodg: DIAZEPAM, quantity: 1, days: 7 }] }));
    expect(found.map((f) => f.ruleId)).toEqual(['R-EXCLUDED']);
    expect(found[0]?.message).toContain('第二类精神药品');
  });

  it('refuses dual-channel drugs on paper from the cut-off, allows them before [R-PAPER-DUAL]', () => {
    const f = fields({ lines: [{ medListCodg: OSIMERTINIB, quantity: 1, days: 30 }] });
    expect(blocks(f).map((x) => x.code)).toEqual(['DUAL_CHANNEL_ON_PAPER']);
    const before = new Date('2024-12-31T10:00:00+08:00');
    expect(blocks({ ...f, rxDate: '2024-12-30' }, '500000', before)).toEqual([]);
  });

  it("refuses all paper after the region's paperAcceptedUntil (a Dongguan pharmacy) [R-PAPER-DUAL]", () => {
    const f = fields({ institutionCode: 'H44190000001' });
    const dongguan = dongguanPharmacyPacks.find((p) => p.id === '441900') as PolicyPack;
    const dongguanBlocks = (x: PaperFields, at: Date) =>
      checkPaperPrescription(x, dongguan, lookup, at).filter((y) => y.severity === 'block');
    const found = dongguanBlocks(f, AT);
    expect(found.map((x) => x.code)).toEqual(['PAPER_NOT_ACCEPTED']);
    expect(found[0]?.citation).toContain('2025年6月30日');
    const inTransition = new Date('2025-06-30T10:00:00+08:00');
    expect(dongguanBlocks({ ...f, rxDate: '2025-06-29' }, inTransition)).toEqual([]);
  });

  it('after Dongguan’s transition a 门特 prescription takes the self-pay claim route; dual-channel lines stay refused; elsewhere nothing changes [R-MT-CLAIM][R-PAPER-DUAL]', () => {
    const dongguan = dongguanPharmacyPacks.find((p) => p.id === '441900') as PolicyPack;
    const mt = fields({ institutionCode: 'H44190000001', chronicSpecial: true });
    const codes = (x: PaperFields, p = dongguan) =>
      checkPaperPrescription(x, p, lookup, AT).map((y) => [y.severity, y.code]);
    expect(codes(mt)).toEqual([['block', 'MT_CLAIM_NEEDS_CONSENT']]);
    expect(codes({ ...mt, selfPayConsent: true })).toEqual([['warn', 'MT_CLAIM_SELF_PAY']]);
    const dual = {
      ...mt,
      selfPayConsent: true,
      lines: [{ medListCodg: OSIMERTINIB, quantity: 1, days: 30 }],
    };
    expect(codes(dual)).toContainEqual(['block', 'DUAL_CHANNEL_ON_PAPER']);
    const chongqingLive = { ...pack('500000'), eprescriptionLiveSince: '2026-11-01' };
    expect(
      codes({ ...fields(), chronicSpecial: true, selfPayConsent: true }, chongqingLive),
    ).toEqual([['block', 'CENTER_LIVE_NO_PAPER']]);
  });

  it('accepts dual-channel paper while the province-approved extension runs and refuses it, naming the approval, once it lapses [R-PAPER-EXT]', () => {
    const extended = {
      ...pack('500000'),
      paperExtension: {
        approvedOn: '2025-01-01',
        document: '渝医保函〔2025〕9号',
        until: '2025-03-31',
      },
    };
    const f = fields({ lines: [{ medListCodg: OSIMERTINIB, quantity: 1, days: 30 }] });
    const found = (rxDate: string, at: string) =>
      checkPaperPrescription({ ...f, rxDate }, extended, lookup, new Date(`${at}T10:00:00+08:00`));
    const during = found('2025-03-30', '2025-03-31');
    expect(during.filter((x) => x.severity === 'block')).toEqual([]);
    expect(during.map((x) => x.code)).toContain('PAPER_EXTENSION_IN_FORCE');
    const lapsed = found('2025-04-01', '2025-04-01').filter((x) => x.severity === 'block');
    expect(lapsed.map((x) => [x.ruleId, x.code])).toEqual([
      ['R-PAPER-EXT', 'PAPER_EXTENSION_LAPSED'],
    ]);
    expect(lapsed[0]?.message).toContain('渝医保函〔2025〕9号');
    expect(lapsed[0]?.message).toContain('已于2025-03-31到期');
    expect(lapsed[0]?.message).not.toMatch(/R-[A-Z]/);
    expect(lapsed[0]?.citation).toContain('延长纸质处方使用时间须经省级医保部门同意');
    expect(lapsed[0]?.citation).toContain('国家医保局《关于规范医保药品外配处方管理的通知》 §四');
  });

  it('a Dongguan 门特 paper prescription is valid 3 days from issue, not the general ceiling [R-VALID][R-MT-CLAIM]', () => {
    const dongguan = dongguanPharmacyPacks.find((p) => p.id === '441900') as PolicyPack;
    const mt = (rxDate: string) =>
      checkPaperPrescription(
        fields({
          institutionCode: 'H44190000001',
          chronicSpecial: true,
          selfPayConsent: true,
          rxDate,
        }),
        dongguan,
        lookup,
        AT,
      ).filter((x) => x.severity === 'block');
    expect(mt('2026-11-21')).toEqual([]);
    const expired = mt('2026-11-20');
    expect(expired.map((x) => x.code)).toEqual(['RX_EXPIRED']);
    expect(expired[0]?.message).toContain('3天内有效');
    expect(expired[0]?.citation).toContain('门特药品外配处方无特殊情况从开出之日起3天内有效');
  });

  it("refuses paper where the region's e-prescription center is live, from its live date on [R-CENTER]", () => {
    const chongqing = pack('500000');
    const live = { ...chongqing, eprescriptionLiveSince: '2026-11-01' };
    const codes = (p: PolicyPack, at: Date) =>
      checkPaperPrescription(fields(), p, lookup, at)
        .filter((x) => x.severity === 'block')
        .map((x) => x.code);
    expect(codes(chongqing, AT)).toEqual([]);
    expect(codes(live, AT)).toEqual(['CENTER_LIVE_NO_PAPER']);
    const found = checkPaperPrescription(fields(), live, lookup, AT).find(
      (x) => x.code === 'CENTER_LIVE_NO_PAPER',
    );
    expect(found).toMatchObject({ ruleId: 'R-CENTER' });
    expect(found?.message).toContain('2026-11-01');
    expect(found?.citation).toContain('国家医保局《关于规范医保药品外配处方管理的通知》 §二');
    const dayBefore = new Date('2026-10-31T10:00:00+08:00');
    const issuedBefore = fields({ rxDate: '2026-10-31' });
    expect(
      checkPaperPrescription(issuedBefore, live, lookup, dayBefore).filter(
        (x) => x.severity === 'block',
      ),
    ).toEqual([]);
    // A region with its own transition end is governed by that date (Dongguan's 门特 transition).
    expect(codes({ ...live, paperAcceptedUntil: '2026-12-31' }, AT)).toEqual([]);
  });

  it('limits days: long prescriptions at most 12 weeks [R-LONGRX]', () => {
    const line = { medListCodg: AMLODIPINE, quantity: 4, days: 84 };
    expect(blocks(fields({ longRx: true, lines: [line] }))).toEqual([]);
    expect(blocks(fields({ longRx: true, lines: [{ ...line, days: 85 }] }))[0]?.code).toBe(
      'LONGRX_TOO_LONG',
    );
    expect(blocks(fields({ lines: [{ ...line, days: 90 }] }))[0]?.code).toBe('LINE_DAYS_OVER_MAX');
    expect(run(fields({ lines: [{ ...line, days: 60 }] }))[0]?.severity).toBe('warn');
  });

  it('checks the patient ID number and repeated lines [R-CHECKS]', () => {
    expect(isValidIdNumber(idNumber('11010519491231002'))).toBe(true);
    expect(blocks(fields({ patientCertno: '110105194912310020' }))[0]?.code).toBe(
      'PATIENT_ID_INVALID',
    );
    const line = { medListCodg: AMLODIPINE, quantity: 1, days: 7 };
    expect(blocks(fields({ lines: [line, line] }))[0]?.code).toBe('LINE_REPEATED');
  });
});
