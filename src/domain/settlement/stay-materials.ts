import { maskIdNumber } from '../mask';
import { yuanText } from '../money';
import { SEED_DOCUMENTS } from '../rules';

/** What the pharmacy hands the patient for the hospital's merged inpatient settlement (D47). */
export interface StayMaterialsInput {
  pharmacy: { code: string; name: string };
  handover: {
    docNo: string;
    recordedAt: string;
    staffName: string;
    hospital: string;
    stayNo: string;
  };
  prescription: {
    hiRxno: string;
    institutionName: string;
    prescribedAt: string;
    physicianName: string;
    patientName: string;
    patientCertno: string;
  };
  lines: Array<{
    name: string;
    spec: string;
    unit: string;
    packs: number;
    priceFen: number;
    codes: readonly string[];
  }>;
}

export const STAY_MATERIALS_TITLE = '住院“双通道”外配药品 随住院费用合并结算材料';

/**
 * The printed material, one text line each: the stay, the prescription, the itemised drugs with
 * every pack's traceability code and the total the hospital settles with the stay. Nothing was
 * settled at the pharmacy. No rule ids: the hospital's staff and the patient read it.
 */
export function stayMaterialLines(m: StayMaterialsInput): string[] {
  const p = m.prescription;
  const h = m.handover;
  const totalFen = m.lines.reduce((sum, l) => sum + l.packs * l.priceFen, 0);
  return [
    `药店：${m.pharmacy.name}（定点编码 ${m.pharmacy.code}）`,
    `单号：${h.docNo}    登记时间：${h.recordedAt}    经办药师：${h.staffName}`,
    '',
    '一、住院信息（患者提供）',
    `住院医疗机构：${h.hospital}    住院号：${h.stayNo}`,
    '已查验：经医疗机构医保管理部门审核同意的“双通道”药品使用申请备案表',
    '',
    '二、外配处方',
    `医保处方编号：${p.hiRxno}`,
    `开方医疗机构：${p.institutionName}    开具时间：${p.prescribedAt}    责任医师：${p.physicianName}`,
    `参保人：${p.patientName}    身份证号：${maskIdNumber(p.patientCertno)}`,
    '',
    '三、药品明细（本药店未进行医保结算、未收取费用）',
    ...m.lines.flatMap((l, i) => [
      `${i + 1}. ${l.name}  ${l.spec}  ${l.packs}${l.unit} × ${yuanText(l.priceFen)}元 = ${yuanText(l.packs * l.priceFen)}元`,
      `   药品追溯码（每${l.unit}一码）：${l.codes.join('、')}`,
    ]),
    `费用合计：${yuanText(totalFen)}元（与住院费用合并结算）`,
    '',
    '四、说明',
    '外购处方购药量仅限当次住院使用量；外配处方费用与住院费用合并结算，',
    '请将本材料交住院医疗机构，由其在办理住院结算时一并结算。',
    `依据：${SEED_DOCUMENTS['003']} §三(一)`,
  ];
}
