import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RX_STATUS } from '../../../src/center/rx/rx-status';
import type { CatalogDrug } from '../../../src/domain/catalog/catalog-drug';
import { DRUG_CLASS_CODES } from '../../../src/domain/catalog/drug-classes';
import {
  evaluatePrescription,
  type PolicySubject,
  VALID_RX_STATUS_CODG,
} from '../../../src/domain/policy/evaluate';
import {
  bindPolicyPack,
  type PolicyPack,
  parsePolicyPacks,
  poolAreaPrefixOf,
} from '../../../src/domain/policy/policy-pack';
import { loadPolicyPacks } from '../../../src/services/policy-loader';

const DIR = path.resolve(import.meta.dirname, '../../../config/policy');
const files = fs
  .readdirSync(DIR)
  .map((name) => ({ name, text: fs.readFileSync(path.join(DIR, name), 'utf8') }));
const packs = parsePolicyPacks(files);
const pack = (id: string): PolicyPack => {
  const p = packs.find((x) => x.id === id);
  if (!p) throw new Error(`no pack ${id}`);
  return p;
};
const chongqing = pack('500000');
const dongguan = pack('441900');

const drug = (
  medListCodg: string,
  genname: string,
  classes: CatalogDrug['classes'] = [],
): CatalogDrug => ({
  medListCodg,
  genname,
  prodname: genname,
  spec: '10mg*30片',
  dosform: '片剂',
  packUnit: '盒',
  priceFen: 1000,
  aprvno: '国药准字H00000000',
  prdrName: '某药厂',
  classes,
  rxClass: 'rx',
  dualChannel: false,
  traceProductIds: [],
  gtins: [],
});
const catalog = new Map<string, CatalogDrug>([
  ['XC08CAA001', drug('XC08CAA001', '氨氯地平片')],
  ['XN02AAM001', drug('XN02AAM001', '吗啡缓释片', ['narcotic'])],
  ['XN05BAD001', drug('XN05BAD001', '地西泮片', ['psychotropic2'])],
  ['ZJ0000001', drug('ZJ0000001', '院内制剂止咳合剂', ['hospitalPreparation', 'toxic'])],
]);
const lookup = (code: string) => catalog.get(code);

function subject(overrides: Partial<PolicySubject> = {}): PolicySubject {
  return {
    fixmedinsCode: 'H50010300001',
    prscTime: '2026-03-01 09:00:00',
    uploadTime: '2026-03-01 09:05:00',
    validEndTime: null,
    longRxFlag: '0',
    chronicSpecial: false,
    statusCodg: RX_STATUS.valid.codg,
    statusName: RX_STATUS.valid.name,
    lines: [{ medListCodg: 'XC08CAA001', genname: '氨氯地平片', medcDays: 14, drugCnt: 1 }],
    ...overrides,
  };
}
const beijing = (s: string) => new Date(`${s.replace(' ', 'T')}+08:00`);

describe('policy packs', () => {
  it('the real pack files parse, cite their rules, and the default derives its pool area [R-REGION][R-VALID]', () => {
    expect(packs.map((p) => p.id)).toEqual(['210000', '441900', '500000', 'default']);
    expect(chongqing.validity).toEqual({ days: 7, from: 'upload' });
    expect(dongguan.chronicSpecialValidity).toEqual({ days: 3, from: 'issue' });
    expect(chongqing.citations.validity.source).toContain('渝医保办〔2023〕70号 §二(三)1');
    expect(dongguan.citations.chronicSpecialValidity.source).toContain(
      '东医保〔2024〕41号 §三(一)',
    );
    for (const p of packs) {
      expect(p.longRxMaxDays).toBe(84);
      expect(p.dualChannelPaperCutoff).toBe('2025-01-01');
      expect(new Set(p.excludedClasses)).toEqual(new Set(DRUG_CLASS_CODES));
    }
    expect(poolAreaPrefixOf('500103')).toBe('50');
    expect(poolAreaPrefixOf('441900')).toBe('4419');
    expect(
      parsePolicyPacks(files, { pharmacyAdmdvs: '441900' }).find((p) => p.id === 'default')
        ?.poolAreaPrefixes,
    ).toEqual(['4419']);
    expect(bindPolicyPack(chongqing, '441900')).toEqual({
      ...chongqing,
      registeredPoolArea: '4419',
    });
    expect(loadPolicyPacks(DIR)).toEqual(packs);
    expect(loadPolicyPacks(DIR, { pharmacyAdmdvs: '500103' }).at(-1)?.poolAreaPrefixes).toEqual([
      '50',
    ]);
  });

  it('a pack with a wrong rule id, unknown class or mismatched file name is refused [R-EXCLUDED]', () => {
    const text = files.find((f) => f.name === '500000.json')?.text ?? '';
    const bad = (edit: (j: Record<string, unknown>) => void, name = '500000.json') => {
      const json = JSON.parse(text);
      edit(json);
      return () => parsePolicyPacks([{ name, text: JSON.stringify(json) }]);
    };
    expect(
      bad((j) => ((j.citations as { validity: { ruleId: string } }).validity.ruleId = 'R-REGION')),
    ).toThrow(/规则编号不符/);
    expect(bad((j) => (j.excludedClasses = ['alcohol']))).toThrow(/excludedClasses/);
    expect(bad(() => {}, '441900.json')).toThrow(/与文件名不一致/);
    expect(() => parsePolicyPacks([{ name: 'x.json', text: '{' }])).toThrow(/不是有效的 JSON/);
  });

  it('the domain’s 有效 code is the shared status table’s [R-STATUS]', () => {
    expect(VALID_RX_STATUS_CODG).toBe(RX_STATUS.valid.codg);
  });
});

describe('evaluatePrescription', () => {
  it('a clean prescription in time, in region, with allowed drugs gives no finding [R-VALID][R-REGION][R-EXCLUDED][R-LONGRX][R-STATUS]', () => {
    expect(
      evaluatePrescription(subject(), chongqing, lookup, beijing('2026-03-03 12:00:00')),
    ).toEqual([]);
    expect(
      evaluatePrescription(
        subject({ fixmedinsCode: 'H44190000012' }),
        dongguan,
        lookup,
        beijing('2026-03-03 12:00:00'),
      ),
    ).toEqual([]);
  });

  it('expired: 7 days from upload in Chongqing, with dates in the message [R-VALID]', () => {
    const at = beijing('2026-03-08 09:05:01');
    const f = evaluatePrescription(subject(), chongqing, lookup, at);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ ruleId: 'R-VALID', code: 'RX_EXPIRED', severity: 'block' });
    expect(f[0]?.message).toBe(
      '处方已超过有效期：上传至电子处方中心于2026-03-01 09:05:00，有效期7天，已于2026-03-08 09:05:00失效',
    );
    expect(f[0]?.citation).toContain('渝医保办〔2023〕70号 §二(三)1');
    expect(f[0]?.citation).toContain('R-VALID');
    expect(
      evaluatePrescription(subject(), chongqing, lookup, beijing('2026-03-08 09:05:00')),
    ).toEqual([]);
  });

  it('a missing upload time cannot be judged under an upload-based window [R-VALID]', () => {
    const f = evaluatePrescription(
      subject({ uploadTime: null }),
      chongqing,
      lookup,
      beijing('2026-03-02 00:00:00'),
    );
    expect(f.map((x) => x.code)).toEqual(['RX_TIME_INVALID']);
  });

  it('out of the pool area, or an unreadable institution code [R-REGION]', () => {
    const at = beijing('2026-03-02 00:00:00');
    const f = evaluatePrescription(
      subject({ fixmedinsCode: 'H44190000012' }),
      chongqing,
      lookup,
      at,
    );
    expect(f).toEqual([
      expect.objectContaining({ ruleId: 'R-REGION', code: 'OUT_OF_POOL_AREA', severity: 'block' }),
    ]);
    expect(f[0]?.message).toContain('H44190000012（行政区划 441900）');
    expect(f[0]?.message).toContain('重庆市');
    expect(
      evaluatePrescription(subject({ fixmedinsCode: 'HX' }), chongqing, lookup, at)[0]?.code,
    ).toBe('INSTITUTION_CODE_INVALID');
    const unbound = pack('default');
    expect(evaluatePrescription(subject(), unbound, lookup, at).map((x) => x.code)).toContain(
      'POOL_AREA_NOT_CONFIGURED',
    );
    expect(evaluatePrescription(subject(), bindPolicyPack(unbound, '500103'), lookup, at)).toEqual(
      [],
    );
  });

  it('excluded drug classes are named per line; unknown drugs warn [R-EXCLUDED]', () => {
    const lines = [
      { medListCodg: 'XC08CAA001', genname: '氨氯地平片', medcDays: 7, drugCnt: 1 },
      { medListCodg: 'XN02AAM001', genname: '吗啡缓释片', medcDays: 3, drugCnt: 1 },
      { medListCodg: 'ZJ0000001', genname: '院内制剂止咳合剂', medcDays: 3, drugCnt: 1 },
      { medListCodg: 'XX9999999', genname: '某新药', medcDays: 3, drugCnt: 1 },
    ];
    const f = evaluatePrescription(
      subject({ lines }),
      chongqing,
      lookup,
      beijing('2026-03-02 00:00:00'),
    );
    expect(f.map((x) => [x.code, x.severity, x.medListCodg])).toEqual([
      ['EXCLUDED_DRUG_CLASS', 'block', 'XN02AAM001'],
      ['EXCLUDED_DRUG_CLASS', 'block', 'ZJ0000001'],
      ['DRUG_NOT_IN_CATALOG', 'warn', 'XX9999999'],
    ]);
    expect(f[0]?.message).toBe(
      '第2行 吗啡缓释片（XN02AAM001）属于麻醉药品，不纳入电子处方流转，不得调剂',
    );
    expect(f[1]?.message).toContain('属于医疗机构制剂、医疗用毒性药品');
    // a pack that does not exclude a class lets it through
    const lenient = {
      ...chongqing,
      excludedClasses: chongqing.excludedClasses.filter((c) => c !== 'narcotic'),
    };
    expect(
      evaluatePrescription(
        subject({ lines: [lines[1] as (typeof lines)[number]] }),
        lenient,
        lookup,
        beijing('2026-03-02 00:00:00'),
      ),
    ).toEqual([]);
  });

  it('long prescriptions over 84 days block; non-long over 30 days warn [R-LONGRX]', () => {
    const at = beijing('2026-03-02 00:00:00');
    const line = (medcDays: number) => [
      { medListCodg: 'XC08CAA001', genname: '氨氯地平片', medcDays, drugCnt: 3 },
    ];
    const long = evaluatePrescription(
      subject({ longRxFlag: '1', lines: line(90) }),
      chongqing,
      lookup,
      at,
    );
    expect(long).toEqual([
      expect.objectContaining({ ruleId: 'R-LONGRX', code: 'LONGRX_TOO_LONG', severity: 'block' }),
    ]);
    expect(long[0]?.message).toContain('用药90天，超过长期处方最长84天（12周）');
    expect(
      evaluatePrescription(subject({ longRxFlag: '1', lines: line(84) }), chongqing, lookup, at),
    ).toEqual([]);
    const short = evaluatePrescription(subject({ lines: line(60) }), chongqing, lookup, at);
    expect(short).toEqual([expect.objectContaining({ code: 'RX_DAYS_UNUSUAL', severity: 'warn' })]);
    expect(evaluatePrescription(subject({ lines: line(30) }), chongqing, lookup, at)).toEqual([]);
  });

  it('a status other than 有效 blocks with the status name [R-STATUS]', () => {
    const f = evaluatePrescription(
      subject({ statusCodg: RX_STATUS.dispensed.codg, statusName: RX_STATUS.dispensed.name }),
      chongqing,
      lookup,
      beijing('2026-03-02 00:00:00'),
    );
    expect(f).toEqual([
      expect.objectContaining({
        ruleId: 'R-STATUS',
        code: 'RX_STATUS_NOT_VALID',
        severity: 'block',
      }),
    ]);
    expect(f[0]?.message).toContain('“已取药”');
  });

  it("the same prescription under 500000 and 441900: region and validity differ; Dongguan's 3 days bind only a 门特 prescription [R-REGION][R-VALID]", () => {
    // Dongguan prescription, issued 03-01 09:00, uploaded 03-03 08:00, looked at 03-05 10:00.
    const rx = subject({
      fixmedinsCode: 'H44190000012',
      prscTime: '2026-03-01 09:00:00',
      uploadTime: '2026-03-03 08:00:00',
    });
    const at = beijing('2026-03-05 10:00:00');
    const inChongqing = evaluatePrescription(rx, chongqing, lookup, at);
    const inDongguan = evaluatePrescription(rx, dongguan, lookup, at);
    // Chongqing: in time (7 days from upload) but from another pool area.
    expect(inChongqing.map((f) => f.code)).toEqual(['OUT_OF_POOL_AREA']);
    // Dongguan: its own institution; 4 days after issue an ordinary prescription is in time
    // (the 3 days of 东医保〔2024〕41号 §三(一) are a 门特 clause) …
    expect(inDongguan.map((f) => f.code)).toEqual([]);
    // … and a 门特 prescription is not.
    const mt = evaluatePrescription({ ...rx, chronicSpecial: true }, dongguan, lookup, at);
    expect(mt.map((f) => f.code)).toEqual(['RX_EXPIRED']);
    expect(mt[0]?.message).toContain(
      '开方于2026-03-01 09:00:00，有效期3天，已于2026-03-04 09:00:00失效',
    );
    expect(mt[0]?.citation).toContain('东医保〔2024〕41号 §三(一)');
  });
});
