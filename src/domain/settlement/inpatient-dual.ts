import type { RxSettleFacts } from './rx-settle-facts';
import { SETTLE_CODES } from './settle-codes';

/**
 * R-MT-SETTLE (003 §三(一)): a dual-channel drug bought at the pharmacy for a patient in an
 * inpatient stay is settled with the stay ("外配处方费用与住院费用合并结算"), by the hospital,
 * not as an outpatient sale at the pharmacy. The stay is the prescribing visit's med_type 21
 * (普通住院, docs/decisions.md D41).
 */
export function settlesWithStay(
  facts: Pick<RxSettleFacts, 'medType'> | null,
  hasDualChannelLine: boolean,
): boolean {
  return hasDualChannelLine && facts?.medType === SETTLE_CODES.inpatientMedType;
}

export const SETTLES_WITH_STAY_REFUSAL =
  '该处方为住院期间开具的“双通道”外配处方，费用须与住院费用合并结算（由医院结算），不能在药店按门诊医保结算；请完成调剂后登记随住院结算（Alt+Shift+Z），并将随住院结算材料交患者带回医院';
