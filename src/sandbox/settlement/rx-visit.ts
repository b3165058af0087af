import { field } from '../fsi/context';
import { isObject } from '../http-util';
import { Refusal } from '../refusal';
import { type RxRow, uploadOf } from '../rx/rx-store';
import { SETTLEMENT_CODES } from './codes';
import type { SettleRequest } from './settle-input';

const MT = SETTLEMENT_CODES.chronicSpecialMedType;

/** The prescription's visit: its medical type and main diagnosis as the hospital uploaded them. */
function visitOf(row: RxRow): { medType: string; diseCodg: string; diseName: string } {
  const upload = uploadOf(row);
  const visit = isObject(upload.mdtrtinfo) ? upload.mdtrtinfo : {};
  return {
    medType: field(visit, 'medType'),
    diseCodg: field(visit, 'maindiagCode'),
    diseName: field(visit, 'maindiagName'),
  };
}

/**
 * R-MT-SETTLE (东医保〔2024〕41号 §一 "一站式"结算): a 门特/门慢 prescription settles as 门特 with
 * its disease, and only such a prescription does. R-SCOPE: each line carries the hospital's
 * approval flag (hosp_appr_flag) as prescribed, so use outside the restricted payment scope
 * settles as self-pay.
 */
export function checkVisitForSettlement(row: RxRow, req: SettleRequest): void {
  const visit = visitOf(row);
  if (visit.medType === MT && req.medType !== MT) {
    throw new Refusal(
      `该处方为门诊慢特病（门特）处方（医疗类别 ${MT}），须按门特结算：医疗类别（med_type）应为 ${MT}，本次为 ${req.medType}`,
    );
  }
  if (visit.medType !== MT && req.medType === MT) {
    throw new Refusal(`该处方不是门诊慢特病处方，医疗类别（med_type）不能为 ${MT}`);
  }
  if (req.medType === MT) {
    if (req.diseCodg === '') {
      throw new Refusal('门特结算须填写病种编码（dise_codg），与处方诊断一致');
    }
    if (req.diseCodg !== visit.diseCodg) {
      throw new Refusal(
        `病种编码（dise_codg）${req.diseCodg} 与处方诊断 ${visit.diseCodg}（${visit.diseName}）不符`,
      );
    }
  }
  checkApprovalFlags(row, req);
}

function checkApprovalFlags(row: RxRow, req: SettleRequest): void {
  const drugs = uploadOf(row).rxdrugdetail;
  const flags = new Map<string, string>();
  for (const d of Array.isArray(drugs) ? drugs.filter(isObject) : []) {
    flags.set(
      field(d, 'medListCodg'),
      field(d, 'hospApprFlag') || SETTLEMENT_CODES.hospApprFlag.none,
    );
  }
  for (const l of req.lines) {
    const prescribed = flags.get(l.medListCodg);
    if (prescribed !== undefined && prescribed !== l.hospApprFlag) {
      throw new Refusal(
        `药品 ${l.medListCodg} 的医院审批标志（hosp_appr_flag）为 ${l.hospApprFlag}，与处方的 ${prescribed} 不符`,
      );
    }
  }
}

/** A 门特 settlement follows a 门特 prescription: a purchase without one cannot settle as 门特. */
export function refuseMtWithoutRx(req: SettleRequest): void {
  if (req.medType === MT && req.hiRxno === '') {
    throw new Refusal(`医疗类别 ${MT}（门诊慢特病）须凭门特外配处方结算（rxno）`);
  }
}
