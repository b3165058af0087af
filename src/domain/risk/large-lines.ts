import { beijingDate } from '../calendar';
import { maskedPatient, NOTICE_000 } from './format';
import type { RxLineRow } from './rows';
import { drillOf, type RiskSignal } from './signal';
import type { RegionLimits, RiskThresholds } from './thresholds';

/** The day limits of one line: the pharmacy's and the region's, whichever is lower. */
export function dayLimits(region: RegionLimits, t: RiskThresholds) {
  return {
    shortRx: Math.min(t.largeLine.maxDaysShortRx.value, region.shortRxWarnDays),
    longRx: Math.min(t.largeLine.maxDaysLongRx.value, region.longRxMaxDays),
    legal: region.longRxMaxDays,
  };
}

/** Why a line is large, or null. */
export function largeLineReason(
  l: RxLineRow,
  region: RegionLimits,
  t: RiskThresholds,
): { reason: string; overLegal: boolean } | null {
  const limits = dayLimits(region, t);
  const dayLimit = l.longRx ? limits.longRx : limits.shortRx;
  const reasons: string[] = [];
  if (l.packs > t.largeLine.maxPacks.value)
    reasons.push(`${l.packs} 盒，超过单行 ${t.largeLine.maxPacks.value} 盒`);
  const overLegal = l.days !== null && l.days > limits.legal;
  if (l.days !== null && l.days > dayLimit) {
    reasons.push(
      overLegal
        ? `用药 ${l.days} 天，超过长期处方 ${limits.legal} 天上限`
        : `用药 ${l.days} 天，超过${l.longRx ? '长期' : '非长期'}处方 ${dayLimit} 天`,
    );
  }
  return reasons.length === 0 ? null : { reason: reasons.join('；'), overLegal };
}

/**
 * Signal 2 (R-RISK, R-LONGRX): prescription lines with many packs or many days. 000 §五:
 * 单个处方开药剂量大的必查; the long-prescription limit is the region pack's (12 weeks is
 * Liaoning's, 002 §四(二)), cited as the pack gives it.
 */
export function largeLineSignal(
  lines: RxLineRow[],
  region: RegionLimits,
  t: RiskThresholds,
): RiskSignal {
  const limits = dayLimits(region, t);
  const flagged = lines
    .map((l) => ({ l, why: largeLineReason(l, region, t) }))
    .filter((x): x is { l: RxLineRow; why: { reason: string; overLegal: boolean } } => !!x.why)
    .sort((a, b) => b.l.at - a.l.at);
  const overLegal = flagged.filter((x) => x.why.overLegal).length;
  const triggered = flagged.length > 0;
  return {
    id: 'LARGE_LINE',
    ruleId: 'R-RISK',
    relatedRuleIds: ['R-LONGRX'],
    title: '单张处方开药量大',
    severity: overLegal > 0 ? 'alert' : triggered ? 'warn' : 'info',
    triggered,
    measure: `${flagged.length} 行药品超量${overLegal > 0 ? `（其中 ${overLegal} 行超过 ${limits.legal} 天上限）` : ''}`,
    measureValue: flagged.length,
    threshold: `单行超过 ${t.largeLine.maxPacks.value} 盒，或非长期处方超过 ${limits.shortRx} 天、长期处方超过 ${limits.longRx} 天（${region.regionName}政策包）`,
    thresholdValue: 0,
    explanation:
      `${NOTICE_000} §五：“单个处方开药剂量大的必查”；长期处方上限${limits.legal}天：${region.longRxSource}。` +
      (triggered ? '请核对这些处方的用量与诊断是否相符。' : '本期没有超量的处方行。'),
    drill: drillOf(
      [
        { key: 'date', title: '日期' },
        { key: 'kind', title: '类型' },
        { key: 'ref', title: '处方号' },
        { key: 'patient', title: '患者' },
        { key: 'certno', title: '身份证号' },
        { key: 'drug', title: '药品' },
        { key: 'packs', title: '盒数' },
        { key: 'days', title: '天数' },
        { key: 'reason', title: '原因' },
      ],
      flagged.map(({ l, why }) => ({
        date: beijingDate(l.at),
        kind: `${l.source === 'e' ? '电子' : '纸质'}${l.longRx ? '·长期' : ''}`,
        ref: l.ref,
        ...maskedPatient(l.patientName, l.certno),
        drug: l.genname,
        packs: l.packs,
        days: l.days,
        reason: why.reason,
      })),
    ),
  };
}
