import { maskIdNumber } from '../mask';
import { yuanText } from '../money';
import { SEED_DOCUMENTS } from '../rules';

/** What the pharmacy hands the patient for 零星报销 of a self-pay 门特 purchase (R-MT-CLAIM). */
export interface MtClaimMaterialsInput {
  pharmacy: { code: string; name: string };
  sale: { docNo: string; soldAt: string; staffName: string };
  prescription: {
    institutionName: string;
    institutionCode: string;
    serialNo: string;
    rxDate: string;
    physicianName: string;
    patientName: string;
    patientCertno: string;
    capturedAt: string;
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

export const MT_CLAIM_MATERIALS_TITLE = '门特药品外配购药费用 零星报销材料';

/**
 * The printed material, one text line each: the prescription record, the itemised sale (all paid
 * by the patient, nothing by the fund) and every pack's traceability code. 东医保〔2024〕41号
 * §三(一) names no list of materials ("凭相关材料"), so the sheet says what it is and leaves the
 * hospital's own requirements to the hospital. No rule ids: the patient reads it.
 */
export function mtClaimMaterialLines(m: MtClaimMaterialsInput): string[] {
  const p = m.prescription;
  const totalFen = m.lines.reduce((sum, l) => sum + l.packs * l.priceFen, 0);
  return [
    `药店：${m.pharmacy.name}（定点编码 ${m.pharmacy.code}）`,
    `销售单号：${m.sale.docNo}    购药时间：${m.sale.soldAt}    经办药师：${m.sale.staffName}`,
    '',
    '一、处方记录（纸质外配处方，原件影像由本药店归档留存）',
    `开方医疗机构：${p.institutionName}（${p.institutionCode}）`,
    `处方编号：${p.serialNo}    开具日期：${p.rxDate}    开方医师：${p.physicianName}`,
    `参保人：${p.patientName}    身份证号：${maskIdNumber(p.patientCertno)}`,
    `本店归档时间：${p.capturedAt}    处方类别：门诊特定病种（门特）`,
    '',
    '二、费用明细（参保人全额自付）',
    ...m.lines.flatMap((l, i) => [
      `${i + 1}. ${l.name}  ${l.spec}  ${l.packs}${l.unit} × ${yuanText(l.priceFen)}元 = ${yuanText(l.packs * l.priceFen)}元`,
      `   药品追溯码（每${l.unit}一码）：${l.codes.join('、')}`,
    ]),
    `费用合计：${yuanText(totalFen)}元    医保基金支付：0.00元    个人自付（全额自费）：${yuanText(totalFen)}元`,
    '',
    '三、说明',
    '本次购药未通过医保电子处方流转中心流转，未进行医保结算，费用由参保人全额自付。',
    '参保人可凭本材料返回开具门特药品外配处方的市内定点医疗机构办理零星报销手续，',
    '医保基金按规定支付相关费用；报销所需的其他材料以该医疗机构要求为准。',
    `依据：${SEED_DOCUMENTS['001']} §三(一)`,
  ];
}
