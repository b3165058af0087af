import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CatalogDrug } from '../../../src/domain/catalog/catalog-drug';
import type { DispensingLine } from '../../../src/domain/dispense/dispensing-lines';
import { allocateFefo } from '../../../src/domain/dispense/fefo';
import { decideScan, type ScanInput } from '../../../src/domain/dispense/scan-decision';
import { parseScannedCode } from '../../../src/domain/trace/parse-scanned-code';
import type { SoldCodeWithSale } from '../../../src/domain/trace/sold-code';
import { unitsPerPack } from '../../../src/services/dispense/line-plan';
import { riskWarnings, therapyClass } from '../../../src/services/dispense/risk-rules';
import { loadPolicyPacks } from '../../../src/services/policy-loader';

/** The scans' moment: fixes the century of GS1 two-digit years. */
const NOW = new Date('2026-06-01T12:00:00+08:00');
const PACKS = loadPolicyPacks(path.resolve(import.meta.dirname, '../../../config/policy'));
const chongqingPack = () => {
  const p = PACKS.find((x) => x.id === '500000');
  if (!p) throw new Error('no Chongqing pack');
  return p;
};

const drug = (medListCodg: string, genname: string, traceId: string): CatalogDrug => ({
  medListCodg,
  genname,
  prodname: '',
  spec: '0.25g*24粒',
  dosform: '胶囊剂',
  packUnit: '盒',
  priceFen: 100,
  aprvno: '',
  prdrName: '',
  classes: [],
  rxClass: 'rx',
  dualChannel: false,
  traceProductIds: [traceId],
  gtins: [],
});
const AMOX = drug('XJ01CAA040A001010100435', '阿莫西林胶囊', '8010371');
const AMLO = drug('XC08CAA010A001010201587', '苯磺酸氨氯地平片', '8020741');
const line = (over: Partial<DispensingLine> = {}): DispensingLine => ({
  lineNo: 1,
  medListCodg: AMOX.medListCodg,
  genname: AMOX.genname,
  splitPack: false,
  unitsPerPack: 24,
  qtyPrescribed: 2,
  qtyUnit: '盒',
  packsPrescribed: 2,
  qtyDispensed: 0,
  days: 7,
  ...over,
});
const code = (serial: number, id = '8010371') => `${id}${String(serial).padStart(13, '0')}`;
const input = (raw: string, over: Partial<ScanInput> = {}): ScanInput => {
  const parsed = parseScannedCode(raw, NOW);
  return {
    parsed,
    raw,
    drug:
      parsed.kind === 'trace20'
        ? [AMOX, AMLO].find((d) => d.traceProductIds.includes(parsed.productId))
        : undefined,
    lines: [line()],
    codes: [],
    sold: undefined,
    centerRefused: undefined,
    today: '2025-06-01',
    at: 0,
    ...over,
  };
};
const soldRow = (over: Partial<SoldCodeWithSale> = {}): SoldCodeWithSale => ({
  code: code(1),
  medListCodg: AMOX.medListCodg,
  dispensingId: 7,
  selfPaySaleId: null,
  soldAt: 0,
  returnedAt: null,
  unitsPerPack: null,
  unitsLeft: null,
  lastDispensingId: 7,
  lastUsedAt: 0,
  hiRxno: 'RX1',
  patientName: '张伟',
  certno: '500103197803151238',
  ...over,
});

describe('scan verdicts', () => {
  it('accepts a pack of the line’s drug as pack n of m [R-TRACE]', () => {
    const d = decideScan(input(code(1)));
    expect(d).toMatchObject({ accept: { lineNo: 1, packNo: 1, units: null, reusedPack: false } });
  });
  it('refuses a code of another drug naming both drugs [R-NOSWAP][ST-EPC-02-010]', () => {
    const d = decideScan(input(code(1, '8020741')));
    expect(d).toMatchObject({ refuse: { reason: 'OTHER_DRUG', ruleId: 'R-NOSWAP' } });
    const msg = 'refuse' in d ? d.refuse.message : '';
    expect(msg).toContain('苯磺酸氨氯地平片');
    expect(msg).toContain('阿莫西林胶囊');
  });
  it('refuses one pack too many [R-NOSWAP][ST-EPC-02-010]', () => {
    const scanned = [1, 2].map((n) => ({
      lineNo: 1,
      code: code(n),
      kind: 'trace20' as const,
      raw: code(n),
      packNo: n,
      units: null,
      reusedPack: false,
      scannedAt: 0,
    }));
    expect(decideScan(input(code(3), { codes: scanned }))).toMatchObject({
      refuse: { reason: 'TOO_MANY', ruleId: 'R-NOSWAP' },
    });
    expect(decideScan(input(code(2), { codes: scanned.slice(0, 1).concat([]) }))).toMatchObject({
      accept: {},
    });
  });
  it('names a pen scanned twice by the product’s own unit: 第 1 支, not 第 1 盒 [R-TRACE-ONCE]', () => {
    const pen = { ...AMOX, packUnit: '支' };
    const once = {
      lineNo: 1,
      code: code(1),
      kind: 'trace20' as const,
      raw: code(1),
      packNo: 1,
      units: null,
      reusedPack: false,
      scannedAt: 0,
    };
    const d = decideScan(input(code(1), { drug: pen, codes: [once] }));
    expect(d).toMatchObject({ refuse: { reason: 'ALREADY_SCANNED' } });
    const msg = 'refuse' in d ? d.refuse.message : '';
    expect(msg).toContain('第 1 支');
    expect(msg).not.toContain('盒');
  });
  it('refuses a code sold before with the earlier sale, allows a returned one [R-TRACE-ONCE]', () => {
    expect(decideScan(input(code(1), { sold: soldRow() }))).toMatchObject({
      refuse: { reason: 'ALREADY_SOLD', ruleId: 'R-TRACE-ONCE', earlier: { hiRxno: 'RX1' } },
    });
    expect(decideScan(input(code(1), { sold: soldRow({ returnedAt: 5 }) }))).toMatchObject({
      accept: {},
    });
  });
  it('refuses a GS1 pack whose (17) 991231 expired in 1999, naming the supply rule [R-TRACE][R-SUPPLY]', () => {
    const d = decideScan(input('(01)09521234543213(17)991231(21)OLD1', { today: '2026-06-01' }));
    expect(d).toMatchObject({
      refuse: {
        reason: 'EXPIRED',
        ruleId: 'R-SUPPLY',
        message: expect.stringContaining('1999-12-31'),
      },
    });
    const fresh = decideScan(
      input('(01)09521234543213(17)271231(21)NEW1', { today: '2026-06-01' }),
    );
    expect(fresh).not.toMatchObject({ refuse: { reason: 'EXPIRED' } });
  });
  it('refuses a code the center refused as sold elsewhere with the center’s words, even when our own sale was returned [R-TRACE-ONCE]', () => {
    const centerMessage = `药品追溯码 ${code(1)} 已有销售记录（商品销售 9，机构 P1），同一追溯码不能重复销售`;
    const centerRefused = {
      code: code(1),
      centerMessage,
      infno: '7207' as const,
      msgid: 'M1',
      refusedAt: 0,
    };
    const d = decideScan(input(code(1), { sold: soldRow({ returnedAt: 5 }), centerRefused }));
    expect(d).toMatchObject({ refuse: { reason: 'CENTER_REFUSED', ruleId: 'R-TRACE-ONCE' } });
    expect('refuse' in d && d.refuse.message).toContain(centerMessage);
  });
  it('refuses a pack reported lost (报损), naming its batch and when [R-TRACE-ONCE][R-STOCK]', () => {
    const lost = { batchNo: 'B2026', at: '2026-12-01 09:30:00' };
    const d = decideScan(input(code(1), { lost }));
    expect(d).toMatchObject({ refuse: { reason: 'LOST', ruleId: 'R-TRACE-ONCE' } });
    expect('refuse' in d && d.refuse.message).toContain(
      '2026-12-01 09:30:00 报损出库（批号 B2026）',
    );
    expect(decideScan(input(code(1)))).toMatchObject({ accept: { code: code(1) } });
  });
  it('refuses a product barcode and an unknown product identifier [R-TRACE][R-NOSWAP]', () => {
    expect(decideScan(input('6901500011739'))).toMatchObject({
      refuse: { reason: 'NOT_A_TRACE_CODE' },
    });
    expect(decideScan(input(code(1, '8999999')))).toMatchObject({
      refuse: { reason: 'UNKNOWN_DRUG' },
    });
  });
  it('reuses an opened pack for a split-pack line until its units are used up [R-TRACE][R-TRACE-ONCE]', () => {
    const split = line({ splitPack: true, qtyPrescribed: 10, qtyUnit: '粒', packsPrescribed: 1 });
    const opened = soldRow({ unitsPerPack: 24, unitsLeft: 14 });
    expect(decideScan(input(code(1), { lines: [split], sold: opened }))).toMatchObject({
      accept: { reusedPack: true, units: 10 },
    });
    expect(
      decideScan(
        input(code(1), { lines: [split], sold: soldRow({ unitsPerPack: 24, unitsLeft: 0 }) }),
      ),
    ).toMatchObject({
      refuse: { reason: 'PACK_USED_UP', ruleId: 'R-TRACE-ONCE' },
    });
    expect(decideScan(input(code(1), { lines: [line()], sold: opened }))).toMatchObject({
      refuse: { reason: 'ALREADY_SOLD' },
    });
  });
});

describe('stock and history rules', () => {
  it('allocates FEFO across batches and reports a shortfall [R-STOCK]', () => {
    const batches = [
      { id: 1, packsOnHand: 1 },
      { id: 2, packsOnHand: 5 },
    ];
    expect(allocateFefo(batches, 3)).toEqual({
      allocations: [
        { batchId: 1, packs: 1 },
        { batchId: 2, packs: 2 },
      ],
      shortBy: 0,
    });
    expect(allocateFefo(batches, 9).shortBy).toBe(3);
  });
  it('reads pack sizes from catalog specs [R-TRACE]', () => {
    expect(unitsPerPack('0.25g*24粒')).toBe(24);
    expect(unitsPerPack('100片')).toBe(100);
    expect(unitsPerPack('3ml:300单位*1支')).toBe(1);
    expect(unitsPerPack('100ml')).toBeNull();
  });
  it('warns of a repeat purchase within the supply window and of duplicate therapy [R-HISTORY][R-LONGRX]', () => {
    const lines = [
      { medListCodg: AMLO.medListCodg, genname: AMLO.genname, days: 84 },
      { medListCodg: 'XC08CAA020A001010201111', genname: '硝苯地平片', days: 7 },
    ];
    const history = [
      {
        source: 'local' as const,
        dispensedAt: '2025-05-20 10:00:00',
        hiRxno: 'RX0',
        medListCodg: AMLO.medListCodg,
        genname: AMLO.genname,
        quantity: 1,
        unit: '盒',
        daysOfSupply: 28,
        supplyEnds: '2025-06-16',
        stillSupplied: true,
      },
    ];
    const codes = riskWarnings(lines, history, '2025-06-01', chongqingPack()).map((w) => w.code);
    expect(codes).toEqual(
      expect.arrayContaining(['REPEAT_PURCHASE', 'OVER_QUANTITY', 'DUPLICATE_THERAPY']),
    );
    expect(
      riskWarnings(
        [{ ...lines[0], days: 90 } as (typeof lines)[0]],
        [],
        '2025-06-01',
        chongqingPack(),
      )[0],
    ).toMatchObject({
      code: 'LONG_RX_LIMIT',
      ruleId: 'R-LONGRX',
    });
    expect(therapyClass('ZZ50010300001A00101')).toBeNull();
  });
  it("takes the long-prescription limit from the region's pack, citing it as that pack's setting, never Liaoning's notice [R-LONGRX][R-HISTORY]", () => {
    const line = { medListCodg: AMLO.medListCodg, genname: AMLO.genname, days: 60 };
    expect(riskWarnings([line], [], '2025-06-01', chongqingPack())).toEqual([]);
    const eightWeeks = { ...chongqingPack(), longRxMaxDays: 56 };
    const [w] = riskWarnings([line], [], '2025-06-01', eightWeeks);
    expect(w).toMatchObject({ code: 'LONG_RX_LIMIT', ruleId: 'R-LONGRX' });
    expect(w?.message).toContain('上限56天');
    expect(w?.citation).toContain('重庆市政策包：本药店设置');
    expect(w?.citation).not.toContain('辽医保办发');
    const supply = {
      source: 'local' as const,
      dispensedAt: '2025-05-25 10:00:00',
      hiRxno: 'RX0',
      medListCodg: AMLO.medListCodg,
      genname: AMLO.genname,
      quantity: 1,
      unit: '盒',
      daysOfSupply: 14,
      supplyEnds: '2025-06-07',
      stillSupplied: true,
    };
    const codes = (p: ReturnType<typeof chongqingPack>) =>
      riskWarnings([{ ...line, days: 52 }], [supply], '2025-06-01', p).map((x) => x.code);
    expect(codes(chongqingPack())).not.toContain('OVER_QUANTITY');
    expect(codes(eightWeeks)).toContain('OVER_QUANTITY');
  });
});
