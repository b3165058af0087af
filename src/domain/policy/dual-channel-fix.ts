import type { CatalogDrug } from '../catalog/catalog-drug';
import { citation } from '../rules';
import type { PolicyFinding } from './evaluate';

/**
 * The “三定” facts of a prescription's prescriber and patient, as the center serves them with the
 * download (our extensions of 7203/7204 mdtrtinfo, docs/center-protocol.md): the hospital's level
 * and specialty and whether the doctor is a registered responsible physician come from the
 * agency's registers; the application form number from the hospital.
 */
export interface DualChannelFacts {
  /** x_hosp_lv: 1/2/3 级; '' when the center did not say. */
  hospLv: string;
  /** x_spec_hosp: the specialty of a specialty hospital; '' for a general hospital. */
  specHosp: string;
  /** x_dual_resp_dr: '1' when the prescriber is a registered dual-channel responsible physician. */
  responsibleDoctor: string;
  /** x_dual_apply_no: the approved “双通道”药品使用申请表 of a 门诊慢特病 patient. */
  applyNo: string;
  /** med_type 14: the patient is treated as 门诊慢特病 (门特/门慢). */
  chronicSpecial: boolean;
}

export interface DualChannelLine {
  medListCodg: string;
  genname: string;
}

/**
 * R-DUAL-FIX (聊城“双通道”通知 §一(二)1、2, §三(二)): dual-channel drugs only on a prescription of a
 * level-2-or-higher designated hospital, by a registered responsible physician, a specialty
 * hospital only within its specialty, and for a 门诊慢特病 patient with the approved application
 * form. Every failing fact is one blocking finding; a prescription without dual-channel lines
 * has none.
 */
export function dualChannelFixFindings(
  facts: DualChannelFacts,
  lines: readonly DualChannelLine[],
  lookupDrug: (medListCodg: string) => CatalogDrug | undefined,
): PolicyFinding[] {
  const dual = lines
    .map((l) => ({ line: l, drug: lookupDrug(l.medListCodg) }))
    .filter((x) => x.drug?.dualChannel === true);
  if (dual.length === 0) return [];
  const names = dual.map((x) => x.line.genname).join('、');
  const out: PolicyFinding[] = [];
  const block = (code: PolicyFinding['code'], message: string, medListCodg?: string) =>
    out.push({
      ruleId: 'R-DUAL-FIX',
      code,
      severity: 'block',
      message,
      citation: citation('R-DUAL-FIX'),
      ...(medListCodg === undefined ? {} : { medListCodg }),
    });
  if (facts.hospLv !== '2' && facts.hospLv !== '3') {
    block(
      'DUAL_HOSPITAL_LEVEL',
      facts.hospLv === ''
        ? `“双通道”药品（${names}）须由二级及以上定点医疗机构开具，医保中心未提供开方机构的等级，无法确认，不得调剂`
        : `“双通道”药品（${names}）须由二级及以上定点医疗机构开具，开方机构为${facts.hospLv}级医疗机构，不得调剂`,
    );
  }
  if (facts.responsibleDoctor !== '1') {
    block(
      'DUAL_NOT_RESPONSIBLE_DOCTOR',
      `“双通道”药品（${names}）须由医保经办机构确定的“双通道”药品责任医师开具，开方医师不在责任医师名单内，不得调剂`,
    );
  }
  if (facts.specHosp !== '') {
    for (const { line, drug } of dual) {
      if (drug?.specialty === facts.specHosp) continue;
      block(
        'DUAL_OUTSIDE_SPECIALTY',
        `开方机构为${facts.specHosp}专科医院，“双通道”药品仅限本专科用药；${line.genname}属于${drug?.specialty ?? '未标注专科'}用药，不得调剂`,
        line.medListCodg,
      );
    }
  }
  if (facts.chronicSpecial && facts.applyNo.trim() === '') {
    block(
      'DUAL_NO_APPLICATION',
      `门诊慢特病患者使用“双通道”药品（${names}）须持经医疗机构医保管理部门审核同意的《“双通道”药品使用申请表》，处方未载明申请表编号，不得调剂`,
    );
  }
  return out;
}
