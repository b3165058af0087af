import { beijingDate } from '../calendar';
import { SEED_DOCUMENTS } from '../rules';
import { maskedPatient, NOTICE_000 } from './format';
import type { RiskPeriod } from './period';
import type { SupplyMark, SupplyNames, SupplySeries } from './rows';
import { drillOf, type RiskSignal } from './signal';
import type { RiskThresholds } from './thresholds';

const DAY = 86_400_000;

/** What one person's dispensings of one drug show within the period. */
export interface OverDispensedPair {
  certno: string;
  patientName: string;
  medListCodg: string;
  genname: string;
  dispensings: number;
  daysSupplied: number;
  /** Most supply (days) still on hand when a new dispensing was made. */
  maxSurplusDays: number;
  /** Most dispensings within one window. */
  maxInWindow: number;
  first: number;
  last: number;
  bySurplus: boolean;
  byCount: boolean;
}

/** A pair's figures before its names are looked up (only flagged pairs get names). */
type AssessedPair = Omit<OverDispensedPair, 'patientName' | 'genname'> & {
  firstMark: SupplyMark;
  lastInPeriod: SupplyMark;
};

/** One dispensing per prescription: lines of the same drug on one prescription add up. */
function mergeByPrescription(marks: SupplyMark[]): SupplyMark[] {
  const byRef = { e: new Map<number, number>(), paper: new Map<number, number>() };
  const merged: SupplyMark[] = [];
  for (const m of marks) {
    const refs = byRef[m.source];
    const index = refs.get(m.id);
    const seen = index === undefined ? undefined : merged[index];
    if (index === undefined || !seen) {
      refs.set(m.id, merged.push(m) - 1);
      continue;
    }
    const days = seen.days === null && m.days === null ? null : (seen.days ?? 0) + (m.days ?? 0);
    merged[index] = { ...seen, days };
  }
  return merged.sort((a, b) => a.at - b.at);
}

/**
 * One person, one drug: the supply on hand at each dispensing (days dispensed before minus days
 * elapsed, never below zero: the days supplied over any stretch ending at a dispensing beyond
 * the stretch's length) and the number of dispensings in a sliding window. Only dispensings
 * inside the period count as findings; earlier ones only carry supply into it.
 */
export function assessPair(
  series: SupplySeries,
  period: RiskPeriod,
  t: RiskThresholds,
): AssessedPair | null {
  const o = t.overDispensing;
  const list = mergeByPrescription(series.marks);
  const first = list[0];
  if (!first) return null;
  let onHand = 0;
  let maxSurplus = 0;
  let maxInWindow = 0;
  let windowStart = 0;
  for (let j = 0; j < list.length; j++) {
    const e = list[j] as SupplyMark;
    if (j > 0) {
      const prev = list[j - 1] as SupplyMark;
      onHand = Math.max(0, onHand + (prev.days ?? 0) - (e.at - prev.at) / DAY);
    }
    while ((list[windowStart] as SupplyMark).at <= e.at - o.windowDays.value * DAY) windowStart++;
    if (e.at < period.startMs || e.at >= period.endMs) continue;
    maxSurplus = Math.max(maxSurplus, onHand);
    maxInWindow = Math.max(maxInWindow, j - windowStart + 1);
  }
  const inPeriod = list.filter((e) => e.at >= period.startMs && e.at < period.endMs);
  const lastInPeriod = inPeriod.at(-1);
  if (!lastInPeriod) return null;
  const surplusDays = Math.floor(maxSurplus);
  return {
    certno: series.certno,
    medListCodg: series.medListCodg,
    firstMark: first,
    lastInPeriod,
    dispensings: inPeriod.length,
    daysSupplied: inPeriod.reduce((s, e) => s + (e.days ?? 0), 0),
    maxSurplusDays: surplusDays,
    maxInWindow,
    first: (inPeriod[0] as SupplyMark).at,
    last: lastInPeriod.at,
    bySurplus: surplusDays > o.toleranceDays.value,
    byCount: maxInWindow > o.maxDispensingsPerWindow.value,
  };
}

/** E-prescription lines before paper ones, then by time, prescription and line. */
function readOrder(a: SupplyMark, b: SupplyMark): number {
  return (
    Number(a.source === 'paper') - Number(b.source === 'paper') ||
    a.at - b.at ||
    a.id - b.id ||
    a.lineNo - b.lineNo
  );
}

/**
 * Every (person, drug) pair assessed; only the flagged ones returned, named, worst first (ties in
 * the order of each pair's first line).
 */
export function overDispensedPairs(
  series: SupplySeries[],
  names: SupplyNames,
  period: RiskPeriod,
  t: RiskThresholds,
): OverDispensedPair[] {
  const flagged: Array<{ pair: AssessedPair; firstLine: SupplyMark }> = [];
  for (const s of series) {
    const pair = assessPair(s, period, t);
    if (!pair || !(pair.bySurplus || pair.byCount)) continue;
    flagged.push({ pair, firstLine: s.marks.reduce((a, b) => (readOrder(b, a) < 0 ? b : a)) });
  }
  return flagged
    .sort(
      (a, b) =>
        b.pair.maxSurplusDays - a.pair.maxSurplusDays ||
        b.pair.dispensings - a.pair.dispensings ||
        readOrder(a.firstLine, b.firstLine),
    )
    .map(({ pair: { firstMark, lastInPeriod, ...figures } }) => ({
      ...figures,
      patientName: names.patientName(lastInPeriod),
      genname: names.genname(firstMark),
    }));
}

/**
 * Signal 3 (R-RISK, R-HISTORY): the same insured person (ID number) repeatedly given the same
 * drug beyond the supply needed. 000 §五: 同一参保人重复超量开药的必查.
 */
export function overDispensingSignal(
  series: SupplySeries[],
  names: SupplyNames,
  period: RiskPeriod,
  t: RiskThresholds,
): RiskSignal {
  const o = t.overDispensing;
  const pairs = overDispensedPairs(series, names, period, t);
  const triggered = pairs.length > 0;
  const people = new Set(pairs.map((p) => p.certno)).size;
  return {
    id: 'PATIENT_OVER_DISPENSED',
    ruleId: 'R-RISK',
    relatedRuleIds: ['R-HISTORY'],
    title: '同一参保人重复超量取药',
    severity: triggered ? 'alert' : 'info',
    triggered,
    measure: `${people} 人、${pairs.length} 个“人＋药品”组合重复超量`,
    measureValue: pairs.length,
    threshold: `取药时手中余量超过 ${o.toleranceDays.value} 天，或 ${o.windowDays.value} 天内同一药品取药超过 ${o.maxDispensingsPerWindow.value} 次`,
    thresholdValue: 0,
    explanation:
      `${NOTICE_000} §五：“同一参保人重复超量开药的必查”；${SEED_DOCUMENTS['003']} §一(二)3：配药时须查看患者历史用药记录。` +
      (triggered
        ? '按身份证号与药品归并本期及此前的取药记录，余量＝此前取药天数减去已过天数。请核对这些参保人的用药记录。'
        : '本期没有参保人重复超量取药。'),
    drill: drillOf(
      [
        { key: 'patient', title: '患者' },
        { key: 'certno', title: '身份证号' },
        { key: 'drug', title: '药品' },
        { key: 'dispensings', title: '取药次数' },
        { key: 'days', title: '取药天数' },
        { key: 'surplus', title: '最大余量(天)' },
        { key: 'window', title: `${o.windowDays.value}天内最多次数` },
        { key: 'first', title: '首次' },
        { key: 'last', title: '末次' },
      ],
      pairs.map((p) => ({
        ...maskedPatient(p.patientName, p.certno),
        drug: p.genname,
        dispensings: p.dispensings,
        days: p.daysSupplied,
        surplus: p.maxSurplusDays,
        window: p.maxInWindow,
        first: beijingDate(p.first),
        last: beijingDate(p.last),
      })),
    ),
  };
}
