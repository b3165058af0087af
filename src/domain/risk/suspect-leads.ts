import { maskIdNumber, maskName } from '../mask';
import { SEED_DOCUMENTS } from '../rules';
import { beijingMinute } from './period';
import { drillOf, type RiskSignal } from './signal';

/** A suspicious-prescription lead as the store gives it (personal data in full; masked here). */
export interface SuspectLead {
  hiRxno: string;
  reason: string;
  reportedAt: number;
  reporterName: string;
  institutionCode: string;
  institutionName: string;
  prscTime: string;
  patientName: string;
  certno: string;
}

/**
 * R-REPORT-SUSPECT: the prescriptions pharmacists refused as suspicious in the period, with the
 * reason each recorded — the leads (线索) to pass to the local insurance bureau. Any lead is an
 * alert: the notice asks that they be reported promptly.
 */
export function suspectLeadSignal(leads: readonly SuspectLead[]): RiskSignal {
  const triggered = leads.length > 0;
  return {
    id: 'SUSPECT_RX_LEAD',
    ruleId: 'R-REPORT-SUSPECT',
    relatedRuleIds: ['R-CHECKS', 'R-RISK'],
    title: '可疑处方线索（待向医保部门反映）',
    severity: triggered ? 'alert' : 'info',
    triggered,
    measure: `药师以可疑处方拒绝 ${leads.length} 张`,
    measureValue: leads.length,
    threshold: '每一条可疑处方线索均应反映',
    thresholdValue: 1,
    explanation:
      `${SEED_DOCUMENTS['000']} §二：定点零售药店调剂外配处方时应检查处方的真实性、合法性、规范性，发现问题的可以拒绝调剂，并及时向当地医保部门反映存疑外配处方线索。` +
      (triggered ? '请将下列线索连同拒绝理由报送当地医保部门。' : '本期没有记录可疑处方。'),
    drill: drillOf(
      [
        { key: 'at', title: '拒绝时间' },
        { key: 'rx', title: '医保处方编号' },
        { key: 'institution', title: '开方机构' },
        { key: 'prscTime', title: '开方时间' },
        { key: 'patient', title: '患者' },
        { key: 'reason', title: '可疑理由' },
        { key: 'reporter', title: '审方药师' },
      ],
      leads.map((l) => ({
        at: beijingMinute(l.reportedAt),
        rx: l.hiRxno,
        institution: `${l.institutionName}（${l.institutionCode}）`,
        prscTime: l.prscTime,
        patient: `${maskName(l.patientName)} ${maskIdNumber(l.certno)}`,
        reason: l.reason,
        reporter: l.reporterName,
      })),
    ),
  };
}
