import type { RuleId } from '../rules';

/** 'info': computed, nothing found; 'warn': look at it; 'alert': what an inspector checks first. */
export type RiskSeverity = 'info' | 'warn' | 'alert';

export type RiskSignalId =
  | 'PAPER_VOLUME'
  | 'LARGE_LINE'
  | 'PATIENT_OVER_DISPENSED'
  | 'INSTITUTION_PAPER'
  | 'REPEATED_REFUSED_CODE'
  | 'SUSPECT_RX_LEAD';

export interface RiskDrillColumn {
  key: string;
  title: string;
}

export type RiskCell = string | number | null;

/** The rows behind a signal, personal data masked; at most DRILL_LIMIT rows, `total` before the cut. */
export interface RiskDrill {
  columns: RiskDrillColumn[];
  rows: Array<Record<string, RiskCell>>;
  total: number;
}

export interface RiskSignal {
  id: RiskSignalId;
  ruleId: RuleId;
  /** Other rules the signal serves (R-LONGRX, R-TRACE-ONCE, …). */
  relatedRuleIds: RuleId[];
  title: string;
  severity: RiskSeverity;
  triggered: boolean;
  /** What was measured, in Chinese (e.g. 纸质处方 12 张，占 30.0%). */
  measure: string;
  measureValue: number;
  /** The threshold it was compared with, in Chinese. */
  threshold: string;
  thresholdValue: number;
  /** Why this matters, in Chinese, citing the seed document and clause. */
  explanation: string;
  drill: RiskDrill;
}

export const DRILL_LIMIT = 200;

export function drillOf(
  columns: RiskDrillColumn[],
  rows: Array<Record<string, RiskCell>>,
): RiskDrill {
  return { columns, rows: rows.slice(0, DRILL_LIMIT), total: rows.length };
}

const ORDER: Record<RiskSeverity, number> = { alert: 0, warn: 1, info: 2 };

/** Most severe first; the signal order as listed in R-RISK within one severity. */
export function bySeverity(signals: RiskSignal[]): RiskSignal[] {
  return signals
    .map((s, i) => ({ s, i }))
    .sort((a, b) => ORDER[a.s.severity] - ORDER[b.s.severity] || a.i - b.i)
    .map((x) => x.s);
}
