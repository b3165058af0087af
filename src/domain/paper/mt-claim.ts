import { AppError } from '../errors';
import type { PolicyPack } from '../policy/policy-pack';
import { ruleGoverns } from '../rules';
import type { PaperFields, PaperFinding } from './paper-types';

/** The archived finding that routes a paper prescription to a self-pay purchase (R-MT-CLAIM). */
export const MT_CLAIM_SELF_PAY = 'MT_CLAIM_SELF_PAY';
export const MT_CLAIM_NEEDS_CONSENT = 'MT_CLAIM_NEEDS_CONSENT';

/**
 * 东医保〔2024〕41号 §三(一): a compliant 门特 purchase that did not flow through the center is
 * paid by the patient and claimed at the prescribing hospital (零星报销), so after the
 * transition a 门特 paper prescription is not refused outright in a region that document binds.
 * Lines the national rules require to flow (dual-channel, R-PAPER-DUAL) stay refused: the clause
 * excepts "国家和省规定的必须通过电子处方流转的情形".
 */
export function mtClaimApplies(fields: PaperFields, pack: PolicyPack): boolean {
  return fields.chronicSpecial === true && ruleGoverns('R-MT-CLAIM', pack.admdvs);
}

/** Whether an archived prescription was accepted only as a self-pay 门特 purchase. */
export function isMtClaim(findings: readonly Pick<PaperFinding, 'code'>[]): boolean {
  return findings.some((f) => f.code === MT_CLAIM_SELF_PAY);
}

/** A self-pay 门特 purchase never reaches the fund: no 2101/2102, no insured dispensing. */
export function mtClaimFundRefusal(label: string): AppError {
  return new AppError(
    'POLICY',
    `${label}按门特自费购药登记（未经电子处方中心流转），医保基金不支付，不能医保结算；请在纸质处方页面办理“门特自费购药”并打印零星报销材料`,
    { ruleId: 'R-MT-CLAIM' },
  );
}
