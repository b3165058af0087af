import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeRiskSignals } from '../../../src/domain/risk/compute';
import { institutionPaperSignal } from '../../../src/domain/risk/institution-paper';
import { largeLineSignal } from '../../../src/domain/risk/large-lines';
import { overDispensingSignal } from '../../../src/domain/risk/over-dispensing';
import { paperVolumeSignal } from '../../../src/domain/risk/paper-volume';
import { riskPeriod, scaledLimit } from '../../../src/domain/risk/period';
import { refusedCodeSignal } from '../../../src/domain/risk/refused-codes';
import { parseRiskThresholds } from '../../../src/domain/risk/thresholds';
import {
  JUNE,
  june,
  LI,
  line,
  paperRx,
  REGION,
  refusal,
  supply,
  supplyOf,
  T,
  ZHANG,
} from './fixtures';

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const names = (_: string) => '阿莫西林胶囊';

describe('signal 1: paper-prescription volume', () => {
  it('triggers above the scaled count and shows masked rows [R-RISK][R-PAPER-KEEP]', () => {
    const s = paperVolumeSignal(
      range(11).map((n) => paperRx(n)),
      100,
      JUNE,
      T,
    );
    expect(s).toMatchObject({
      triggered: true,
      severity: 'warn',
      measureValue: 11,
      thresholdValue: 10,
    });
    expect(s.drill.total).toBe(11);
    expect(s.drill.rows[0]).toMatchObject({ patient: '张*丰', certno: '5001**********1234' });
    expect(JSON.stringify(s.drill)).not.toContain(ZHANG.certno);
    expect(s.explanation).toContain('纸质处方使用量大的必查');
  });

  it('triggers on the share alone once enough prescriptions were dispensed [R-RISK]', () => {
    const s = paperVolumeSignal(
      range(6).map((n) => paperRx(n)),
      4,
      JUNE,
      T,
    );
    expect(s.triggered).toBe(true);
    expect(s.measure).toContain('60.0%');
  });

  it('stays quiet under both limits, and judges no share from a handful [R-RISK]', () => {
    expect(
      paperVolumeSignal(
        range(10).map((n) => paperRx(n)),
        100,
        JUNE,
        T,
      ),
    ).toMatchObject({
      triggered: false,
      severity: 'info',
    });
    expect(
      paperVolumeSignal(
        range(3).map((n) => paperRx(n)),
        2,
        JUNE,
        T,
      ).triggered,
    ).toBe(false);
  });

  it('scales per-30-day limits to the period length [R-RISK]', () => {
    expect(scaledLimit(10, 7)).toBe(3);
    expect(scaledLimit(10, 90)).toBe(30);
    const week = riskPeriod('2025-06-01', '2025-06-07');
    expect(
      paperVolumeSignal(
        range(4).map((n) => paperRx(n)),
        100,
        week,
        T,
      ).triggered,
    ).toBe(true);
  });
});

describe('signal 2: large single-prescription quantities', () => {
  it('flags many packs and a long prescription beyond 12 weeks [R-RISK][R-LONGRX]', () => {
    const s = largeLineSignal(
      [
        line({ ref: 'RX-PACKS', packs: 11 }),
        line({ ref: 'RX-LONG', longRx: true, days: 90 }),
        line({ ref: 'RX-OK' }),
      ],
      REGION,
      T,
    );
    expect(s).toMatchObject({ triggered: true, severity: 'alert', measureValue: 2 });
    expect(s.drill.rows.map((r) => r.ref).sort()).toEqual(['RX-LONG', 'RX-PACKS']);
    const reason = s.drill.rows.find((r) => r.ref === 'RX-LONG')?.reason;
    expect(reason).toMatch(/超过长期处方 \d+ 天上限$/);
    expect(reason).not.toMatch(/R-[A-Z]/);
  });

  it('gives a long prescription its own limit and the region the last word [R-RISK][R-LONGRX]', () => {
    const longOk = line({ longRx: true, days: 84 });
    expect(largeLineSignal([longOk], REGION, T).triggered).toBe(false);
    const shortLong = line({ longRx: false, days: 60 });
    expect(largeLineSignal([shortLong], REGION, T)).toMatchObject({
      triggered: true,
      severity: 'warn',
    });
    const strictRegion = { ...REGION, shortRxWarnDays: 14 };
    expect(largeLineSignal([line({ days: 20 })], strictRegion, T).triggered).toBe(true);
  });

  it('stays quiet for ordinary lines [R-RISK]', () => {
    const s = largeLineSignal([line(), line({ packs: 10, days: 30 })], REGION, T);
    expect(s).toMatchObject({ triggered: false, severity: 'info', measureValue: 0 });
  });
});

describe('signal 3: the same insured person repeatedly over-dispensed', () => {
  it('flags a person refilling while most of the supply is left [R-RISK][R-HISTORY]', () => {
    const s = overDispensingSignal(
      ...supplyOf([supply(1, 1, 30), supply(2, 10, 30), supply(3, 20, 30)]),
      JUNE,
      T,
    );
    expect(s).toMatchObject({ triggered: true, severity: 'alert', measureValue: 1 });
    expect(s.drill.rows[0]).toMatchObject({ patient: '张*丰', dispensings: 3, surplus: 41 });
  });

  it('carries supply from before the period into it [R-RISK][R-HISTORY]', () => {
    const s = overDispensingSignal(...supplyOf([supply(10, -10, 84), supply(1, 5, 28)]), JUNE, T);
    expect(s.triggered).toBe(true);
    expect(s.drill.rows[0]?.dispensings).toBe(1);
  });

  it('flags too many dispensings in a window even without days [R-RISK]', () => {
    const s = overDispensingSignal(
      ...supplyOf([1, 3, 5, 7].map((d) => supply(d, d, null))),
      JUNE,
      T,
    );
    expect(s.triggered).toBe(true);
    expect(s.drill.rows[0]?.window).toBe(4);
  });

  it('stays quiet for monthly refills, other people and other drugs [R-RISK]', () => {
    const s = overDispensingSignal(
      ...supplyOf([
        supply(10, -28, 28),
        supply(1, 1, 28),
        supply(2, 27, 28),
        supply(3, 5, 30, { certno: LI.certno, patientName: LI.name }),
        supply(4, 6, 30, { medListCodg: 'X-OTHER', genname: '其他药' }),
        // two lines of one prescription are one dispensing
        supply(5, 29, 1, { medListCodg: 'X-PAIR' }),
        supply(5, 29, 1, { medListCodg: 'X-PAIR', lineNo: 2 }),
      ]),
      JUNE,
      T,
    );
    expect(s).toMatchObject({ triggered: false, severity: 'info', measureValue: 0 });
  });
});

describe('signal 4: one institution issuing many paper prescriptions', () => {
  it('flags the institution above its limit, not the others [R-RISK][R-PAPER-NO]', () => {
    const many = range(6).map((n) => paperRx(n));
    const few = range(2).map((n) =>
      paperRx(100 + n, { institutionCode: 'H2', institutionName: '江北区医院' }),
    );
    const s = institutionPaperSignal([...many, ...few], JUNE, T);
    expect(s).toMatchObject({ triggered: true, severity: 'warn', measureValue: 6 });
    expect(s.drill.rows).toEqual([
      expect.objectContaining({
        code: 'H500103001',
        count: 6,
        serials: 'A0001 – A0006',
        share: '75.0%',
      }),
    ]);
  });

  it('stays quiet at the limit [R-RISK]', () => {
    const s = institutionPaperSignal(
      range(5).map((n) => paperRx(n)),
      JUNE,
      T,
    );
    expect(s).toMatchObject({ triggered: false, severity: 'info' });
  });
});

describe('signal 6: traceability codes refused again and again', () => {
  it('raises an alert for a code refused twice as already sold [R-RISK][R-TRACE-ONCE]', () => {
    const code = '80103710000000001234';
    const s = refusedCodeSignal(
      [
        refusal(code),
        refusal(code, { at: june(9), channel: 'self_pay', hiRxno: null, dispensingId: null }),
      ],
      names,
      T,
    );
    expect(s).toMatchObject({ triggered: true, severity: 'alert', measureValue: 1 });
    expect(s.drill.rows[0]).toMatchObject({
      code,
      times: 2,
      reasons: '已售出',
      where: 'RX007、自费零售',
    });
  });

  it('warns for other repeated refusals of one pack [R-RISK][R-TRACE]', () => {
    const code = '80207410000000000077';
    const other = { reason: 'OTHER_DRUG', ruleId: 'R-NOSWAP' };
    const s = refusedCodeSignal([refusal(code, other), refusal(code, other)], names, T);
    expect(s).toMatchObject({ triggered: true, severity: 'warn' });
  });

  it('ignores a single refusal, double scans in one dispensing and product barcodes [R-RISK][R-TRACE-ONCE]', () => {
    const s = refusedCodeSignal(
      [
        refusal('80103710000000000001'),
        refusal('80103710000000000002', { reason: 'ALREADY_SCANNED' }),
        refusal('80103710000000000002', { reason: 'ALREADY_SCANNED' }),
        refusal('6901500011739', { reason: 'NOT_A_TRACE_CODE', ruleId: 'R-TRACE' }),
        refusal('6901500011739', { reason: 'NOT_A_TRACE_CODE', ruleId: 'R-TRACE' }),
        refusal('garbage', { reason: 'UNREADABLE', packKey: null }),
        refusal('garbage', { reason: 'UNREADABLE', packKey: null }),
      ],
      names,
      T,
    );
    expect(s).toMatchObject({ triggered: false, severity: 'info', measureValue: 0 });
  });
});

describe('all signals together', () => {
  it('lists the five R-RISK signals and the suspicious-prescription leads, most severe first [R-RISK][R-REPORT-SUSPECT]', () => {
    const code = '80103710000000009999';
    const signals = computeRiskSignals({
      period: JUNE,
      thresholds: T,
      region: REGION,
      paper: [paperRx(1)],
      eRxDispensed: 50,
      lines: [line({ packs: 20 })],
      supply: [],
      supplyNames: supplyOf([])[1],
      refusals: [refusal(code), refusal(code)],
      suspectLeads: [],
      genname: names,
    });
    expect(signals).toHaveLength(6);
    const leads = signals.find((s) => s.id === 'SUSPECT_RX_LEAD');
    expect(leads).toMatchObject({ ruleId: 'R-REPORT-SUSPECT', severity: 'info', triggered: false });
    expect(signals.filter((s) => s !== leads).every((s) => s.ruleId === 'R-RISK')).toBe(true);
    expect(signals.map((s) => s.severity)).toEqual([
      'alert',
      'warn',
      'info',
      'info',
      'info',
      'info',
    ]);
    expect(signals[0]?.id).toBe('REPEATED_REFUSED_CODE');
    expect(signals[1]?.id).toBe('LARGE_LINE');
  });

  it('ships a valid thresholds file where every value names its source [R-RISK]', () => {
    const file = path.resolve(import.meta.dirname, '../../../config/risk-thresholds.json');
    const t = parseRiskThresholds(JSON.parse(readFileSync(file, 'utf8')));
    expect(t.largeLine.maxDaysLongRx.value).toBe(84);
    expect(() =>
      parseRiskThresholds({
        ...t,
        institutionPaper: { maxPer30Days: { value: 0, source: 'x' } },
      }),
    ).toThrow(/institutionPaper\.maxPer30Days\.value/);
  });

  it('refuses a period that ends before it starts [R-RISK]', () => {
    expect(() => riskPeriod('2025-06-30', '2025-06-01')).toThrow(/晚于/);
  });
});
