/**
 * Warnings of the platform's intelligent-supervision subsystem (智能监管, 事前事中审核, 3101)
 * and what a pharmacist may do with them before settlement (R-SUPERVISE).
 */

/** The center's `sev_deg`: 1 明确违规 stops settlement; 2 高度可疑 and 3 轻度可疑 need a decision. */
export type SupervisionSeverity = 'block' | 'suspect' | 'notice';

const SEVERITY_BY_CODE: Readonly<Record<string, SupervisionSeverity>> = {
  '1': 'block',
  '2': 'suspect',
  '3': 'notice',
};

export const SEVERITY_LABELS: Readonly<Record<SupervisionSeverity, string>> = {
  block: '明确违规（禁止结算）',
  suspect: '高度可疑',
  notice: '轻度可疑',
};

/** An unknown severity code is read as the strictest: the platform's meaning is not guessed. */
export function severityOf(sevDeg: string): SupervisionSeverity {
  return SEVERITY_BY_CODE[sevDeg] ?? 'block';
}

export interface SupervisionWarning {
  /** 违规标识 (jr_id): the platform's id of this finding. */
  jrId: string;
  /** The platform's rule (rule_id, rule_name): not one of ours. */
  ruleId: string;
  ruleName: string;
  /** 违规内容, the platform's own text. */
  content: string;
  /** 违规依据, the platform's basis. */
  basis: string;
  severity: SupervisionSeverity;
}

/** The result of one check: no finding, findings, a blocking finding, or no answer. */
export type SupervisionOutcome = 'clear' | 'warnings' | 'blocked' | 'unreachable';

export function outcomeOf(warnings: readonly SupervisionWarning[]): SupervisionOutcome {
  if (warnings.some((w) => w.severity === 'block')) return 'blocked';
  return warnings.length > 0 ? 'warnings' : 'clear';
}

export type SupervisionChoice = 'continue' | 'cancel';

/** Shortest reason a pharmacist must give for settling despite findings or without a check. */
export const MIN_REASON_CHARS = 4;

/**
 * Why settlement may not go ahead after this check and its handling, or null when it may:
 * a clear check; findings (or an unreachable subsystem, docs/decisions.md) that a pharmacist
 * chose to continue with, giving a reason. A blocking finding is never overridden.
 */
export function settlementRefusal(
  outcome: SupervisionOutcome,
  handling: { choice: SupervisionChoice } | null,
): string | null {
  if (outcome === 'clear') return null;
  if (outcome === 'blocked') {
    return '医保智能监管事前审核提示“明确违规”，不能结算；请按提示核实处方与购药数量';
  }
  if (!handling) {
    return outcome === 'unreachable'
      ? '医保智能监管事前审核未能完成（监管子系统无应答），须由药师说明理由后选择继续或取消结算'
      : '医保智能监管事前审核有提示，须由药师逐条查看后选择继续（说明理由）或取消结算';
  }
  if (handling.choice === 'cancel')
    return '药师已就监管提示选择取消结算，不能结算；如需结算请重新预结算';
  return null;
}
