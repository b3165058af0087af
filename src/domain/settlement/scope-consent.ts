import { AppError } from '../errors';
import type { FeeLine } from './fee-lines';
import { approvalFlagOf, type RxSettleFacts } from './rx-settle-facts';
import { SETTLE_CODES } from './settle-codes';

/** The fee lines the hospital marked outside the drug's restricted payment scope (flag 2). */
export function outOfScopeLines(facts: RxSettleFacts | null, lines: readonly FeeLine[]): FeeLine[] {
  return lines.filter(
    (l) => approvalFlagOf(facts, l.lineNo) === SETTLE_CODES.hospApprFlag.outOfScope,
  );
}

/**
 * R-SCOPE (聊城“双通道”通知 §一(二)1 "签订自费用药知情同意书"; 渝医保办〔2023〕70号 §三(三)): use outside
 * the restricted payment scope is paid by the patient, and only after the patient signed the
 * self-pay consent. Settlement is refused, before anything reaches the center, while any such
 * line has no consent recorded.
 */
export function assertScopeConsents(
  outOfScope: readonly FeeLine[],
  consentedLineNos: ReadonlySet<number>,
): void {
  const missing = outOfScope.filter((l) => l.lineNo !== null && !consentedLineNos.has(l.lineNo));
  if (missing.length === 0) return;
  throw new AppError(
    'POLICY',
    `${missing
      .map((l) => `第${l.lineNo}行「${l.name}」`)
      .join(
        '、',
      )}超出医保限定支付范围（开方医院审批不通过），须由患者自费：请先向患者说明并登记其签署的《自费用药知情同意书》，再结算`,
    { ruleId: 'R-SCOPE' },
  );
}

/** A consent may only be recorded for a line that is outside the scope. */
export function assertConsentableLine(outOfScope: readonly FeeLine[], lineNo: number): FeeLine {
  const line = outOfScope.find((l) => l.lineNo === lineNo);
  if (!line) {
    throw new AppError(
      'VALIDATION',
      `第${lineNo}行不是超出医保限定支付范围的药品，无需登记自费用药知情同意书`,
      { ruleId: 'R-SCOPE' },
    );
  }
  return line;
}
