import type { CatalogDrug } from '../catalog/catalog-drug';
import { DRUG_CLASSES } from '../catalog/drug-classes';
import { citation, type RuleId } from '../rules';
import { packCitation } from './pack-citation';
import { type PolicyPack, type PolicyParameter, validityFor } from './policy-pack';
import { expiryReason, type ValiditySubject, validityWindow } from './validity';

/** rx_stas_codg of 有效; must equal RX_STATUS.valid.codg (src/center/rx/rx-status.ts, checked by a test). */
export const VALID_RX_STATUS_CODG = '1';

/** What the region rules look at in a downloaded prescription. Times: Beijing `yyyy-MM-dd HH:mm:ss`. */
export interface PolicySubject extends ValiditySubject {
  fixmedinsCode: string;
  /** '1' = 长期处方. */
  longRxFlag: string | null;
  /** med_type 14: a 门特/门慢 prescription, under the region's 门特 validity clause if any (R-VALID). */
  chronicSpecial: boolean;
  statusCodg: string;
  statusName: string;
  lines: readonly PolicySubjectLine[];
}

export interface PolicySubjectLine {
  medListCodg: string;
  genname: string;
  medcDays: number | null;
  drugCnt: number;
}

export type PolicyFindingCode =
  | 'RX_EXPIRED'
  | 'RX_TIME_INVALID'
  | 'OUT_OF_POOL_AREA'
  | 'OUT_OF_REGISTERED_AREA'
  | 'INSTITUTION_CODE_INVALID'
  | 'POOL_AREA_NOT_CONFIGURED'
  | 'EXCLUDED_DRUG_CLASS'
  | 'DRUG_NOT_IN_CATALOG'
  | 'LONGRX_TOO_LONG'
  | 'RX_DAYS_UNUSUAL'
  | 'RX_STATUS_NOT_VALID'
  | 'QUANTITY_OVER_USAGE'
  | 'DUAL_HOSPITAL_LEVEL'
  | 'DUAL_NOT_RESPONSIBLE_DOCTOR'
  | 'DUAL_OUTSIDE_SPECIALTY'
  | 'DUAL_NO_APPLICATION';

export interface PolicyFinding {
  ruleId: RuleId;
  code: PolicyFindingCode;
  severity: 'block' | 'warn';
  /** Chinese and specific: which drug, which class, how many days, which date. */
  message: string;
  /** The rule's citation, plus the pack's clause where a region parameter decided. */
  citation: string;
  /** The line concerned, for per-line findings. */
  medListCodg?: string;
}

/**
 * Region rules on one prescription (R-VALID, R-REGION, R-EXCLUDED, R-LONGRX, R-STATUS) under a
 * policy pack at time `at`. Pure: the caller supplies the catalog lookup and the clock.
 */
export function evaluatePrescription(
  subject: PolicySubject,
  pack: PolicyPack,
  lookupDrug: (medListCodg: string) => CatalogDrug | undefined,
  at: Date,
): PolicyFinding[] {
  const cite = (ruleId: RuleId, param?: PolicyParameter) =>
    param ? packCitation(ruleId, pack, param) : citation(ruleId);
  const finding = (
    ruleId: RuleId,
    code: PolicyFindingCode,
    severity: PolicyFinding['severity'],
    message: string,
    param?: PolicyParameter,
    medListCodg?: string,
  ): PolicyFinding => ({
    ruleId,
    code,
    severity,
    message,
    citation: cite(ruleId, param),
    ...(medListCodg === undefined ? {} : { medListCodg }),
  });

  const out: PolicyFinding[] = [];
  out.push(...validity(subject, pack, at, finding));
  out.push(...region(subject, pack, finding));
  out.push(...drugLines(subject, pack, lookupDrug, finding));
  if (subject.statusCodg !== VALID_RX_STATUS_CODG) {
    out.push(
      finding(
        'R-STATUS',
        'RX_STATUS_NOT_VALID',
        'block',
        `处方在电子处方中心的状态为“${subject.statusName || subject.statusCodg}”，不是“有效”，不能调剂或结算`,
      ),
    );
  }
  return out;
}

type Make = (
  ruleId: RuleId,
  code: PolicyFindingCode,
  severity: PolicyFinding['severity'],
  message: string,
  param?: PolicyParameter,
  medListCodg?: string,
) => PolicyFinding;

function validity(subject: PolicySubject, pack: PolicyPack, at: Date, make: Make): PolicyFinding[] {
  const { validity: ceiling, param } = validityFor(pack, subject.chronicSpecial);
  const window = validityWindow(subject, ceiling);
  if (!window.ok) return [make('R-VALID', 'RX_TIME_INVALID', 'block', window.reason, param)];
  const expired = expiryReason(window, ceiling.days, at);
  return expired ? [make('R-VALID', 'RX_EXPIRED', 'block', expired, param)] : [];
}

function region(subject: PolicySubject, pack: PolicyPack, make: Make): PolicyFinding[] {
  // fixmedins_code: one letter, then the 6-digit admdvs of the institution, then a sequence.
  const admdvs = subject.fixmedinsCode.slice(1, 7);
  if (!/^\d{6}$/.test(admdvs)) {
    return [
      make(
        'R-REGION',
        'INSTITUTION_CODE_INVALID',
        'block',
        `开方机构编码“${subject.fixmedinsCode}”格式错误，无法确认其所属统筹地区`,
        'poolAreaPrefixes',
      ),
    ];
  }
  const registered = pack.registeredPoolArea;
  if (registered !== undefined && !admdvs.startsWith(registered)) {
    return [
      make(
        'R-REGION',
        'OUT_OF_REGISTERED_AREA',
        'block',
        `开方机构 ${subject.fixmedinsCode}（行政区划 ${admdvs}）不属于本药店医保登记的统筹地区（区划前缀 ${registered}）；切换地区政策包不改变药店所属统筹地区，统筹地区以外的处方不予受理`,
        'poolAreaPrefixes',
      ),
    ];
  }
  if (pack.poolAreaPrefixes.length === 0) {
    return [
      make(
        'R-REGION',
        'POOL_AREA_NOT_CONFIGURED',
        'block',
        `政策包“${pack.name}”未配置本统筹地区（行政区划前缀），无法确认开方机构（${subject.fixmedinsCode}）是否属于本统筹地区；请在设置中选择地区或配置药店行政区划`,
        'poolAreaPrefixes',
      ),
    ];
  }
  if (pack.poolAreaPrefixes.some((p) => admdvs.startsWith(p))) return [];
  return [
    make(
      'R-REGION',
      'OUT_OF_POOL_AREA',
      'block',
      `开方机构 ${subject.fixmedinsCode}（行政区划 ${admdvs}）不属于本统筹地区“${pack.name}”（区划前缀 ${pack.poolAreaPrefixes.join('、')}），统筹地区以外的处方不予受理`,
      'poolAreaPrefixes',
    ),
  ];
}

function drugLines(
  subject: PolicySubject,
  pack: PolicyPack,
  lookupDrug: (medListCodg: string) => CatalogDrug | undefined,
  make: Make,
): PolicyFinding[] {
  const out: PolicyFinding[] = [];
  const long = subject.longRxFlag === '1';
  subject.lines.forEach((line, i) => {
    const which = `第${i + 1}行 ${line.genname}（${line.medListCodg}）`;
    const drug = lookupDrug(line.medListCodg);
    if (!drug) {
      out.push(
        make(
          'R-EXCLUDED',
          'DRUG_NOT_IN_CATALOG',
          'warn',
          `${which}不在本店药品目录中，无法确认其是否属于不纳入电子处方流转的药品类别，请人工核对`,
          'excludedClasses',
          line.medListCodg,
        ),
      );
    } else {
      const excluded = drug.classes.filter((c) => pack.excludedClasses.includes(c));
      if (excluded.length) {
        out.push(
          make(
            'R-EXCLUDED',
            'EXCLUDED_DRUG_CLASS',
            'block',
            `${which}属于${excluded.map((c) => DRUG_CLASSES[c]).join('、')}，不纳入电子处方流转，不得调剂`,
            'excludedClasses',
            line.medListCodg,
          ),
        );
      }
    }
    const days = line.medcDays;
    if (days === null || !Number.isFinite(days)) return;
    if (long && days > pack.longRxMaxDays) {
      out.push(
        make(
          'R-LONGRX',
          'LONGRX_TOO_LONG',
          'block',
          `长期处方${which}用药${days}天，超过长期处方最长${pack.longRxMaxDays}天（${pack.longRxMaxDays / 7}周）`,
          'longRxMaxDays',
          line.medListCodg,
        ),
      );
    } else if (!long && days > pack.shortRxWarnDays) {
      out.push(
        make(
          'R-LONGRX',
          'RX_DAYS_UNUSUAL',
          'warn',
          `非长期处方${which}用药${days}天，超过${pack.shortRxWarnDays}天，请核对是否应按长期处方开具`,
          'shortRxWarnDays',
          line.medListCodg,
        ),
      );
    }
  });
  return out;
}
