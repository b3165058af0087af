import { AppError } from '../errors';
import { SETTLE_CODES } from './settle-codes';

/**
 * What a settlement takes from its prescription besides the drugs: the visit's medical type and
 * disease (R-MT-SETTLE) and each line's hospital approval flag (R-SCOPE). Read from the 7204
 * download; a paper prescription has none of them.
 */
export interface RxSettleFacts {
  /** mdtrtinfo.med_type of the prescribing visit, e.g. 11 普通门诊, 14 门诊慢特病. */
  medType: string;
  diseCodg: string;
  diseName: string;
  /** hosp_appr_flag by dispensing line number (1-based, as the prescription orders its lines). */
  hospApprFlags: ReadonlyMap<number, string>;
}

/** The druginfo fields the visit decides: med_type, and for 门特 the disease. */
export interface SettleVisit {
  med_type: string;
  dise_codg?: string;
  dise_name?: string;
}

export function isChronicSpecial(facts: Pick<RxSettleFacts, 'medType'> | null): boolean {
  return facts?.medType === SETTLE_CODES.chronicSpecialMedType;
}

/**
 * A 门特/门慢 prescription settles as 门特 with its disease code, "一站式" (东医保〔2024〕41号 §一);
 * without the disease it cannot, and is refused before anything reaches the center. Any other
 * prescription settles as 定点药店购药.
 */
export function settleVisit(facts: RxSettleFacts | null): SettleVisit {
  if (!facts || !isChronicSpecial(facts)) return { med_type: SETTLE_CODES.medType };
  if (facts.diseCodg.trim() === '') {
    throw new AppError(
      'POLICY',
      '该处方为门诊慢特病（门特）处方，但处方未载明病种诊断编码，不能按门特结算；请联系开方医疗机构补正处方',
      { ruleId: 'R-MT-SETTLE' },
    );
  }
  return {
    med_type: SETTLE_CODES.chronicSpecialMedType,
    dise_codg: facts.diseCodg,
    dise_name: facts.diseName,
  };
}

/** hosp_appr_flag of one line: the prescription's, 0 (无须审批) where it states none. */
export function approvalFlagOf(facts: RxSettleFacts | null, lineNo: number | null): string {
  if (lineNo === null) return SETTLE_CODES.hospApprFlag.none;
  return facts?.hospApprFlags.get(lineNo) ?? SETTLE_CODES.hospApprFlag.none;
}
