import { NOTICE_000, percent } from './format';
import { type RiskPeriod, scaledLimit } from './period';
import type { PaperRxRow } from './rows';
import { drillOf, type RiskSignal } from './signal';
import type { RiskThresholds } from './thresholds';

export interface InstitutionPaperCount {
  institutionCode: string;
  institutionName: string;
  prescriptions: number;
  physicians: number;
  patients: number;
  firstSerial: string;
  lastSerial: string;
}

export function paperByInstitution(paper: PaperRxRow[]): InstitutionPaperCount[] {
  const groups = new Map<string, PaperRxRow[]>();
  for (const r of paper) {
    const g = groups.get(r.institutionCode);
    if (g) g.push(r);
    else groups.set(r.institutionCode, [r]);
  }
  return [...groups.values()]
    .map((g) => {
      const serials = g.map((r) => r.serialNo).sort();
      const first = g[0] as PaperRxRow;
      return {
        institutionCode: first.institutionCode,
        institutionName: first.institutionName,
        prescriptions: g.length,
        physicians: new Set(g.map((r) => r.physicianName)).size,
        patients: new Set(g.map((r) => r.patientCertno)).size,
        firstSerial: serials[0] ?? '',
        lastSerial: serials.at(-1) ?? '',
      };
    })
    .sort((a, b) => b.prescriptions - a.prescriptions);
}

/**
 * Signal 4 (R-RISK): one institution issuing many of the paper prescriptions this pharmacy
 * took. 000 §五: 单体定点医疗机构纸质处方开方多的必查.
 */
export function institutionPaperSignal(
  paper: PaperRxRow[],
  period: RiskPeriod,
  t: RiskThresholds,
): RiskSignal {
  const per30 = t.institutionPaper.maxPer30Days.value;
  const limit = scaledLimit(per30, period.days);
  const all = paperByInstitution(paper);
  const flagged = all.filter((i) => i.prescriptions > limit);
  const top = all[0];
  const triggered = flagged.length > 0;
  return {
    id: 'INSTITUTION_PAPER',
    ruleId: 'R-RISK',
    relatedRuleIds: ['R-PAPER-NO'],
    title: '单一机构纸质处方多',
    severity: flagged.some((i) => i.prescriptions > 2 * limit)
      ? 'alert'
      : triggered
        ? 'warn'
        : 'info',
    triggered,
    measure: top
      ? `${flagged.length} 家机构超过阈值；最多为 ${top.institutionName} ${top.prescriptions} 张`
      : '本期没有纸质处方',
    measureValue: top?.prescriptions ?? 0,
    threshold: `同一机构超过 ${limit} 张（每30天 ${per30} 张）`,
    thresholdValue: limit,
    explanation:
      `${NOTICE_000} §五：“单体定点医疗机构纸质处方开方多的必查”；§一：纸质处方须连续编号、唯一可识别。` +
      (triggered
        ? '请核对这些机构的处方编号是否连续、医师签名与外配处方专用章是否齐全。'
        : '本期没有机构超过阈值。'),
    drill: drillOf(
      [
        { key: 'code', title: '机构编码' },
        { key: 'name', title: '机构名称' },
        { key: 'count', title: '纸质处方' },
        { key: 'share', title: '占纸质处方' },
        { key: 'physicians', title: '医师数' },
        { key: 'patients', title: '患者数' },
        { key: 'serials', title: '编号范围' },
      ],
      flagged.map((i) => ({
        code: i.institutionCode,
        name: i.institutionName,
        count: i.prescriptions,
        share: percent(i.prescriptions / paper.length),
        physicians: i.physicians,
        patients: i.patients,
        serials:
          i.firstSerial === i.lastSerial ? i.firstSerial : `${i.firstSerial} – ${i.lastSerial}`,
      })),
    ),
  };
}
