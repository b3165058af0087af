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

/** 'pre' 事前 (3101, at preview) or 'mid' 事中 (3102, just before 2102). */
export type SupervisionStage = 'pre' | 'mid';

/** 3101/3102 trig_scen, 3103 too: the check is made at the pharmacy's settlement (docs/sandbox.md). */
export const TRIGGER_PRESETTLEMENT = '7';

/** 3103 dspo_way: how the pharmacist handled a finding (our assumption, docs/decisions.md D41). */
export const DISPOSAL_WAYS: Readonly<Record<SupervisionChoice, '1' | '2'>> = {
  continue: '1',
  cancel: '2',
};

/**
 * Findings of a 3102 check that a pharmacist already continued on (same platform rule in a
 * continued earlier check of the dispensing), and those that are new. A new one needs its own
 * decision; a blocking one is never carried.
 */
export function carriedFindings(
  mid: readonly SupervisionWarning[],
  continued: readonly SupervisionWarning[],
): { carried: SupervisionWarning[]; fresh: SupervisionWarning[] } {
  const handled = new Set(continued.map((w) => w.ruleId));
  const carried = mid.filter((w) => w.severity !== 'block' && handled.has(w.ruleId));
  return { carried, fresh: mid.filter((w) => !carried.includes(w)) };
}

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
  stage: SupervisionStage = 'pre',
): string | null {
  const check = stage === 'pre' ? '医保智能监管事前审核' : '医保智能监管事中审核（结算时）';
  if (outcome === 'clear') return null;
  if (outcome === 'blocked') {
    return `${check}提示“明确违规”，不能结算；请按提示核实处方与购药数量`;
  }
  if (!handling) {
    return outcome === 'unreachable'
      ? `${check}未能完成（监管子系统无应答），须由药师说明理由后选择继续或取消结算`
      : `${check}有提示，须由药师逐条查看后选择继续（说明理由）或取消结算`;
  }
  if (handling.choice === 'cancel')
    return '药师已就监管提示选择取消结算，不能结算；如需结算请重新预结算';
  return null;
}
