import { beijingDate } from '../calendar';
import { maskedPatient, NOTICE_000, percent } from './format';
import { type RiskPeriod, scaledLimit } from './period';
import type { PaperRxRow } from './rows';
import { drillOf, type RiskSignal } from './signal';
import type { RiskThresholds } from './thresholds';

/**
 * Signal 1 (R-RISK): paper prescriptions captured in the period, their number and their share
 * of every prescription dispensed (paper + e-prescriptions). 000 §五: 纸质处方使用量大的必查.
 */
export function paperVolumeSignal(
  paper: PaperRxRow[],
  eRxDispensed: number,
  period: RiskPeriod,
  t: RiskThresholds,
): RiskSignal {
  const p = t.paperVolume;
  const count = paper.length;
  const total = count + eRxDispensed;
  const share = total === 0 ? 0 : count / total;
  const maxCount = scaledLimit(p.maxPer30Days.value, period.days);
  const byCount = count > maxCount;
  const byShare = total >= p.minTotalForShare.value && share > p.maxShare.value;
  const triggered = byCount || byShare;
  const dispensed = paper.filter((r) => r.status === 'dispensed').length;
  return {
    id: 'PAPER_VOLUME',
    ruleId: 'R-RISK',
    relatedRuleIds: ['R-PAPER-KEEP'],
    title: '纸质处方使用量',
    severity: byCount && byShare ? 'alert' : triggered ? 'warn' : 'info',
    triggered,
    measure: `纸质处方 ${count} 张（已调剂 ${dispensed} 张），占全部 ${total} 张处方的 ${percent(share)}`,
    measureValue: count,
    threshold: `超过 ${maxCount} 张（每30天 ${p.maxPer30Days.value} 张），或占比超过 ${percent(p.maxShare.value)}（处方满 ${p.minTotalForShare.value} 张时判断）`,
    thresholdValue: maxCount,
    explanation:
      `${NOTICE_000} §五：“纸质处方使用量大的必查”；§四：已上线电子处方中心的地区应通过中心流转处方。` +
      (triggered
        ? `本期纸质处方${byCount ? '数量' : ''}${byCount && byShare ? '和' : ''}${byShare ? '占比' : ''}超过阈值，请逐张核对处方真实性并备好影像留存。`
        : '本期未超过阈值。'),
    drill: drillOf(
      [
        { key: 'captured', title: '归档日期' },
        { key: 'rxDate', title: '处方日期' },
        { key: 'institution', title: '开方机构' },
        { key: 'serialNo', title: '处方编号' },
        { key: 'physician', title: '医师' },
        { key: 'patient', title: '患者' },
        { key: 'certno', title: '身份证号' },
        { key: 'status', title: '状态' },
      ],
      [...paper]
        .sort((a, b) => b.createdAt - a.createdAt)
        .map((r) => ({
          captured: beijingDate(r.createdAt),
          rxDate: r.rxDate,
          institution: r.institutionName,
          serialNo: r.serialNo,
          physician: r.physicianName,
          ...maskedPatient(r.patientName, r.patientCertno),
          status: r.status === 'dispensed' ? '已调剂' : '已归档',
        })),
    ),
  };
}
