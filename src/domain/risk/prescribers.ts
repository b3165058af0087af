import { NOTICE_000 } from './format';
import { type RiskPeriod, scaledLimit } from './period';
import type { PaperRxRow, PrescriberCount } from './rows';
import { drillOf, type RiskSignal } from './signal';
import type { RiskThresholds } from './thresholds';

export interface PrescriberTotal {
  institutionCode: string;
  institutionName: string;
  drCode: string;
  drName: string;
  deptName: string;
  electronic: number;
  paper: number;
  total: number;
  patients: number;
}

/**
 * E-prescription counts per doctor (7204 mdtrtinfo.dr_code / prsc_dr_name) and paper
 * prescriptions per physician name, joined where the institution and the name agree.
 */
export function prescriberTotals(e: PrescriberCount[], paper: PaperRxRow[]): PrescriberTotal[] {
  const byKey = new Map<string, PrescriberTotal>();
  const nameKey = (inst: string, name: string) => `${inst}\u0000${name.trim()}`;
  for (const c of e) {
    const key = nameKey(c.institutionCode, c.drName || c.drCode);
    const seen = byKey.get(key);
    if (seen) {
      seen.electronic += c.prescriptions;
      seen.patients += c.patients;
    } else {
      byKey.set(key, { ...c, electronic: c.prescriptions, paper: 0, total: 0 });
    }
  }
  const paperPatients = new Map<string, Set<string>>();
  for (const r of paper) {
    const key = nameKey(r.institutionCode, r.physicianName);
    const seen = byKey.get(key);
    if (seen) seen.paper += 1;
    else {
      byKey.set(key, {
        institutionCode: r.institutionCode,
        institutionName: r.institutionName,
        drCode: '',
        drName: r.physicianName,
        deptName: '',
        electronic: 0,
        paper: 1,
        total: 0,
        patients: 0,
      });
    }
    const set = paperPatients.get(key) ?? new Set<string>();
    set.add(r.patientCertno);
    paperPatients.set(key, set);
  }
  for (const [key, set] of paperPatients) {
    const t = byKey.get(key) as PrescriberTotal;
    t.patients += set.size;
  }
  return [...byKey.values()]
    .map((t) => ({ ...t, total: t.electronic + t.paper }))
    .sort((a, b) => b.total - a.total);
}

/**
 * Signal 5 (R-RISK): prescribers whose prescriptions this pharmacy dispensed in large numbers.
 * 000 §五: 重点科室医保医师开方数量大的必查.
 */
export function prescriberSignal(
  e: PrescriberCount[],
  paper: PaperRxRow[],
  period: RiskPeriod,
  t: RiskThresholds,
): RiskSignal {
  const per30 = t.prescriber.maxPer30Days.value;
  const limit = scaledLimit(per30, period.days);
  const all = prescriberTotals(e, paper);
  const flagged = all.filter((p) => p.total > limit);
  const top = all[0];
  const triggered = flagged.length > 0;
  return {
    id: 'HIGH_VOLUME_PRESCRIBER',
    ruleId: 'R-RISK',
    relatedRuleIds: [],
    title: '医师开方量大',
    severity: flagged.some((p) => p.total > 2 * limit) ? 'alert' : triggered ? 'warn' : 'info',
    triggered,
    measure: top
      ? `${flagged.length} 位医师超过阈值；最多为 ${top.drName}（${top.institutionName}）${top.total} 张`
      : '本期没有处方',
    measureValue: top?.total ?? 0,
    threshold: `同一医师超过 ${limit} 张（每30天 ${per30} 张，电子与纸质处方合计）`,
    thresholdValue: limit,
    explanation:
      `${NOTICE_000} §五：“重点科室医保医师开方数量大的必查”。电子处方按7204返回的开方医师（dr_code、prsc_dr_name）统计，纸质处方按处方上的医师姓名统计。` +
      (triggered ? '请核对这些医师处方的诊断与用量是否合理。' : '本期没有医师超过阈值。'),
    drill: drillOf(
      [
        { key: 'name', title: '医师' },
        { key: 'code', title: '医师编码' },
        { key: 'institution', title: '机构' },
        { key: 'dept', title: '科室' },
        { key: 'electronic', title: '电子处方' },
        { key: 'paper', title: '纸质处方' },
        { key: 'total', title: '合计' },
        { key: 'patients', title: '患者数' },
      ],
      flagged.map((p) => ({
        name: p.drName,
        code: p.drCode || null,
        institution: p.institutionName,
        dept: p.deptName || null,
        electronic: p.electronic,
        paper: p.paper,
        total: p.total,
        patients: p.patients,
      })),
    ),
  };
}
