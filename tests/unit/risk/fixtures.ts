import { riskPeriod } from '../../../src/domain/risk/period';
import type {
  PaperRxRow,
  RefusalRow,
  RxLineRow,
  SupplyMark,
  SupplyNames,
  SupplySeries,
} from '../../../src/domain/risk/rows';
import { parseRiskThresholds, type RegionLimits } from '../../../src/domain/risk/thresholds';

const cite = (value: number) => ({ value, source: '测试阈值' });

/** Small, explicit thresholds so each scenario is easy to read. */
export const T = parseRiskThresholds({
  paperVolume: { maxPer30Days: cite(10), maxShare: cite(0.5), minTotalForShare: cite(10) },
  largeLine: { maxPacks: cite(10), maxDaysShortRx: cite(30), maxDaysLongRx: cite(84) },
  overDispensing: {
    windowDays: cite(30),
    toleranceDays: cite(7),
    maxDispensingsPerWindow: cite(3),
    lookbackDays: cite(84),
  },
  institutionPaper: { maxPer30Days: cite(5) },
  refusedCodes: { minRefusals: cite(2) },
});

export const REGION: RegionLimits = {
  regionName: '重庆市',
  longRxMaxDays: 84,
  shortRxWarnDays: 30,
  longRxSource: '本药店设置：重庆的种子文件未规定长期处方最长天数，取84天（12周）',
};

/** June 2025 (30 days). */
export const JUNE = riskPeriod('2025-06-01', '2025-06-30');

const DAY = 86_400_000;
/** 10:00 Beijing time on a June 2025 day (or a negative day: before the period). */
export const june = (day: number) => Date.parse('2025-06-01T02:00:00Z') + (day - 1) * DAY;

export const ZHANG = { name: '张三丰', certno: '500103198001011234' };
export const LI = { name: '李四', certno: '500103199002022345' };

export function paperRx(n: number, over: Partial<PaperRxRow> = {}): PaperRxRow {
  return {
    id: n,
    institutionCode: 'H500103001',
    institutionName: '渝中区人民医院',
    serialNo: `A${String(n).padStart(4, '0')}`,
    rxDate: '2025-06-02',
    physicianName: '王医生',
    patientName: ZHANG.name,
    patientCertno: ZHANG.certno,
    longRx: false,
    status: 'dispensed',
    createdAt: june(2),
    ...over,
  };
}

export function line(over: Partial<RxLineRow> = {}): RxLineRow {
  return {
    source: 'e',
    ref: 'RX001',
    at: june(3),
    patientName: ZHANG.name,
    certno: ZHANG.certno,
    institutionName: '渝中区人民医院',
    medListCodg: 'XC08CAA010A001010201587',
    genname: '苯磺酸氨氯地平片',
    packs: 2,
    days: 28,
    longRx: false,
    ...over,
  };
}

/** One dispensed line of a drug to a person, with the names the store would look up. */
export interface SupplyLine extends SupplyMark {
  certno: string;
  patientName: string;
  medListCodg: string;
  genname: string;
}

/** Dispensing `id` (an e-prescription unless `over.source` says paper) on a June day. */
export function supply(
  id: number,
  day: number,
  days: number | null,
  over: Partial<SupplyLine> = {},
): SupplyLine {
  return {
    source: 'e',
    id,
    lineNo: 1,
    certno: ZHANG.certno,
    patientName: ZHANG.name,
    medListCodg: 'XC08CAA010A001010201587',
    genname: '苯磺酸氨氯地平片',
    at: june(day),
    days,
    ...over,
  };
}

/** The lines grouped per person and drug as the store gives them, and their names. */
export function supplyOf(lines: SupplyLine[]): [SupplySeries[], SupplyNames] {
  const series = new Map<string, SupplySeries>();
  for (const l of lines) {
    const key = `${l.certno}/${l.medListCodg}`;
    const mark = { source: l.source, id: l.id, lineNo: l.lineNo, at: l.at, days: l.days };
    const s = series.get(key);
    if (s) s.marks.push(mark);
    else series.set(key, { certno: l.certno, medListCodg: l.medListCodg, marks: [mark] });
  }
  const lineOf = (m: SupplyMark) => {
    const l = lines.find((x) => x.source === m.source && x.id === m.id && x.lineNo === m.lineNo);
    if (!l) throw new Error(`no line ${m.source}:${m.id}/${m.lineNo}`);
    return l;
  };
  return [
    [...series.values()],
    { patientName: (m) => lineOf(m).patientName, genname: (m) => lineOf(m).genname },
  ];
}

export function refusal(code: string, over: Partial<RefusalRow> = {}): RefusalRow {
  return {
    at: june(5),
    channel: 'dispense',
    dispensingId: 7,
    hiRxno: 'RX007',
    code,
    packKey: code,
    medListCodg: 'XJ01CAA040A001010100435',
    reason: 'ALREADY_SOLD',
    ruleId: 'R-TRACE-ONCE',
    staffName: '张敏',
    ...over,
  };
}
