import type { DispensingState } from '../lifecycle/states';

/**
 * R-MT-SETTLE (003 §三(一)): a dual-channel prescription of an inpatient stay is dispensed at the
 * pharmacy and settled by the hospital with the stay. The pharmacist records the hand-over once
 * every pack is dispensed, with the stay's reference the patient brings and the 备案表 seen (D47).
 */
export const STAY_REFUSALS = {
  notInpatientDual:
    '该处方不是住院期间开具的“双通道”外配处方，不能登记随住院结算；请按门诊医保结算或自费结算',
  paper: '纸质处方不能登记随住院结算：住院“双通道”外配处方须经电子处方中心流转',
  notDispensed: '调剂尚未完成（须逐盒扫码后完成调剂），完成调剂后才能登记随住院结算',
  formNotSeen:
    '须查验患者持有的、经定点医疗机构医保管理部门审核同意的“双通道”药品使用申请备案表（附件3）后才能登记',
  already: '该调剂单已登记随住院结算，不能重复登记',
  notHandedOver: '该调剂单没有登记随住院结算，无需撤销',
} as const;

/** Why a dispensing in this state cannot be handed over; null when it can. */
export function stayStateRefusal(state: DispensingState): string | null {
  if (state === 'completed') return null;
  if (state === 'open') return STAY_REFUSALS.notDispensed;
  return `调剂单状态为“${state === 'returned' ? '已退货' : '已撤销'}”，不能登记随住院结算`;
}

/** The 3505 memo naming the stay the sale is settled with (no setl_id exists at the pharmacy). */
export function staySaleMemo(ref: { hospital: string; stayNo: string }): string {
  return `随住院结算：${ref.hospital} 住院号 ${ref.stayNo}`;
}
