import { addDays, beijingDate, isCalendarDate } from '../calendar';
import type { CatalogDrug } from '../catalog/catalog-drug';
import { evaluatePrescription, VALID_RX_STATUS_CODG } from '../policy/evaluate';
import { packCitation } from '../policy/pack-citation';
import { type PolicyPack, type PolicyParameter, validityFor } from '../policy/policy-pack';
import { citation, type RuleId } from '../rules';
import { isValidIdNumber } from './id-number';
import { MT_CLAIM_NEEDS_CONSENT, MT_CLAIM_SELF_PAY, mtClaimApplies } from './mt-claim';
import type { PaperFields, PaperFinding } from './paper-types';

type Lookup = (medListCodg: string) => CatalogDrug | undefined;

/**
 * The checks of a paper prescription at capture, under the pharmacy's region pack at `at`:
 * R-PAPER-VALID, R-VALID (from the issue date), R-REGION, R-EXCLUDED, R-LONGRX, R-PAPER-DUAL,
 * the region's paper cut-off and the patient's ID number (R-CHECKS). The serial-number check
 * (R-PAPER-NO) needs the archive and is the caller's. Pure.
 */
export function checkPaperPrescription(
  fields: PaperFields,
  pack: PolicyPack,
  lookup: Lookup,
  at: Date,
): PaperFinding[] {
  const make = maker(pack);
  return [
    ...paperValidity(fields, make),
    ...patientIdentity(fields, make),
    ...issueValidity(fields, pack, at, make),
    ...regionAndLines(fields, pack, lookup, at),
    ...quantities(fields, pack, make),
    ...centerLive(fields, pack, at, make),
    ...paperCutoff(fields, pack, at, make),
    ...dualChannel(fields, pack, lookup, at, make),
  ];
}

export const isBlocking = (findings: readonly PaperFinding[]) =>
  findings.some((f) => f.severity === 'block');

type Make = (
  ruleId: RuleId,
  code: string,
  severity: PaperFinding['severity'],
  message: string,
  param?: PolicyParameter,
  medListCodg?: string,
) => PaperFinding;

function maker(pack: PolicyPack): Make {
  return (ruleId, code, severity, message, param, medListCodg) => ({
    ruleId,
    code,
    severity,
    message,
    citation: param ? packCitation(ruleId, pack, param) : citation(ruleId),
    ...(medListCodg === undefined ? {} : { medListCodg }),
  });
}

function paperValidity(f: PaperFields, make: Make): PaperFinding[] {
  const out: PaperFinding[] = [];
  if (!f.signatureConfirmed) {
    out.push(
      make(
        'R-PAPER-VALID',
        'PAPER_NO_SIGNATURE',
        'block',
        '未确认纸质处方上有医保医师签名，处方无效，不得受理',
      ),
    );
  }
  if (!f.stampConfirmed) {
    out.push(
      make(
        'R-PAPER-VALID',
        'PAPER_NO_STAMP',
        'block',
        '未确认纸质处方加盖医疗机构外配处方专用章，处方无效，不得受理',
      ),
    );
  }
  return out;
}

function patientIdentity(f: PaperFields, make: Make): PaperFinding[] {
  if (isValidIdNumber(f.patientCertno)) return [];
  return [
    make(
      'R-CHECKS',
      'PATIENT_ID_INVALID',
      'block',
      '患者身份证号码格式或校验位错误，请核对处方与患者证件',
    ),
  ];
}

function issueValidity(f: PaperFields, pack: PolicyPack, at: Date, make: Make): PaperFinding[] {
  const today = beijingDate(at);
  // a 门特 prescription follows the region's own 门特 ceiling where it has one (Dongguan: 3 days)
  const { validity, param } = validityFor(pack, f.chronicSpecial === true);
  const days = validity.days;
  if (!isCalendarDate(f.rxDate)) {
    return [
      make('R-VALID', 'RX_DATE_INVALID', 'block', `处方日期“${f.rxDate}”不是有效日期`, param),
    ];
  }
  if (f.rxDate > today) {
    return [
      make(
        'R-VALID',
        'RX_DATE_FUTURE',
        'block',
        `处方日期${f.rxDate}晚于今天（${today}），请核对处方`,
        param,
      ),
    ];
  }
  const lastDay = addDays(f.rxDate, days - 1);
  if (today <= lastDay) return [];
  return [
    make(
      'R-VALID',
      'RX_EXPIRED',
      'block',
      `纸质处方已过有效期：开具于${f.rxDate}，自开具之日起${days}天内有效（至${lastDay}），今天为${today}`,
      param,
    ),
  ];
}

/** R-REGION, R-EXCLUDED and R-LONGRX as for e-prescriptions; paper has no center status. */
function regionAndLines(
  f: PaperFields,
  pack: PolicyPack,
  lookup: Lookup,
  at: Date,
): PaperFinding[] {
  const findings = evaluatePrescription(
    {
      fixmedinsCode: f.institutionCode,
      chronicSpecial: false,
      prscTime: `${beijingDate(at)} 00:00:00`,
      uploadTime: `${beijingDate(at)} 00:00:00`,
      validEndTime: null,
      longRxFlag: f.longRx ? '1' : '0',
      statusCodg: VALID_RX_STATUS_CODG,
      statusName: '',
      lines: f.lines.map((l) => ({
        medListCodg: l.medListCodg,
        genname: lookup(l.medListCodg)?.genname ?? l.medListCodg,
        medcDays: l.days,
        drugCnt: l.quantity,
      })),
    },
    pack,
    lookup,
    at,
  );
  return findings.filter((x) => x.ruleId !== 'R-VALID' && x.ruleId !== 'R-STATUS');
}

function quantities(f: PaperFields, pack: PolicyPack, make: Make): PaperFinding[] {
  const out: PaperFinding[] = [];
  if (f.lines.length === 0) {
    out.push(make('R-CHECKS', 'NO_LINES', 'block', '纸质处方至少应有一行药品'));
  }
  const seen = new Set<string>();
  f.lines.forEach((l, i) => {
    if (seen.has(l.medListCodg)) {
      out.push(
        make(
          'R-CHECKS',
          'LINE_REPEATED',
          'block',
          `第${i + 1}行药品（${l.medListCodg}）与前面的行重复，请合并为一行`,
          undefined,
          l.medListCodg,
        ),
      );
    }
    seen.add(l.medListCodg);
    if (!f.longRx && l.days > pack.longRxMaxDays) {
      out.push(
        make(
          'R-LONGRX',
          'LINE_DAYS_OVER_MAX',
          'block',
          `第${i + 1}行用药${l.days}天，超过处方最长用量${pack.longRxMaxDays}天（${pack.longRxMaxDays / 7}周）`,
          'longRxMaxDays',
          l.medListCodg,
        ),
      );
    }
  });
  return out;
}

/**
 * R-CENTER (国家医保局外配处方管理通知 §二): where the region's e-prescription center is live, the
 * pharmacy downloads prescriptions from it, so paper is refused from the live date. A region
 * with its own transition end (paperAcceptedUntil, e.g. Dongguan's 门特 transition) is governed by
 * that date instead.
 */
function centerLive(f: PaperFields, pack: PolicyPack, at: Date, make: Make): PaperFinding[] {
  const live = pack.eprescriptionLiveSince;
  if (live === null || pack.paperAcceptedUntil !== null || beijingDate(at) < live) return [];
  if (mtClaimApplies(f, pack)) return [mtClaimFinding(f, `自${live}起`, make)];
  const extended = extensionFinding(
    pack,
    beijingDate(at),
    make,
    `${pack.name}医保电子处方中心已上线，`,
  );
  if (extended) return [extended];
  return [
    make(
      'R-CENTER',
      'CENTER_LIVE_NO_PAPER',
      'block',
      `${pack.name}医保电子处方中心自${live}起已上线，处方须通过电子处方中心下载后调剂，不受理纸质外配处方`,
      'eprescriptionLiveSince',
    ),
  ];
}

function paperCutoff(f: PaperFields, pack: PolicyPack, at: Date, make: Make): PaperFinding[] {
  const until = pack.paperAcceptedUntil;
  const today = beijingDate(at);
  if (!until || today <= until) return [];
  if (mtClaimApplies(f, pack)) return [mtClaimFinding(f, `过渡期已于${until}结束，`, make)];
  return [
    make(
      pack.citations.paperAcceptedUntil.ruleId,
      'PAPER_NOT_ACCEPTED',
      'block',
      `${pack.name}自${addDays(until, 1)}起不再受理纸质外配处方（过渡期至${until}），请患者通过医保电子处方中心流转`,
      'paperAcceptedUntil',
    ),
  ];
}

/**
 * R-PAPER-EXT: where the province approved extended paper use, a paper cut-off is lifted from the
 * approval until its end (at most 3 months, checked when the pack loads); once it has lapsed the
 * refusal names the approval and its end. Null where no extension is registered, or before its
 * approval (the caller's own cut-off applies).
 */
function extensionFinding(
  pack: PolicyPack,
  today: string,
  make: Make,
  what: string,
  medListCodg?: string,
): PaperFinding | null {
  const ext = pack.paperExtension;
  if (!ext || today < ext.approvedOn) return null;
  const approval = `省级医保部门批准的纸质处方延期（${ext.document}，${ext.approvedOn}批准）`;
  if (today <= ext.until) {
    return make(
      'R-PAPER-EXT',
      'PAPER_EXTENSION_IN_FORCE',
      'warn',
      `${what}${approval}有效至${ext.until}，期间可凭纸质处方调剂`,
      'paperExtension',
      medListCodg,
    );
  }
  return make(
    'R-PAPER-EXT',
    'PAPER_EXTENSION_LAPSED',
    'block',
    `${what}${approval}已于${ext.until}到期，自${addDays(ext.until, 1)}起不得凭纸质处方调剂，须使用电子处方`,
    'paperExtension',
    medListCodg,
  );
}

/**
 * R-MT-CLAIM instead of the outright refusal: without the patient's consent to pay everything
 * the capture is refused with the way forward; with it, archived as a self-pay purchase.
 */
function mtClaimFinding(f: PaperFields, since: string, make: Make): PaperFinding {
  if (!f.selfPayConsent) {
    return make(
      'R-MT-CLAIM',
      MT_CLAIM_NEEDS_CONSENT,
      'block',
      `门特处方${since}未经电子处方中心流转的不能医保结算：须患者同意全额自费购药（勾选“患者同意全额自费”），购药后由本店出具零星报销材料，患者回开具处方的医疗机构报销`,
    );
  }
  return make(
    'R-MT-CLAIM',
    MT_CLAIM_SELF_PAY,
    'warn',
    `门特处方${since}未经电子处方中心流转：患者已同意全额自费购药，医保基金不支付；购药后打印零星报销材料交患者回开具处方的医疗机构报销`,
  );
}

function dualChannel(
  f: PaperFields,
  pack: PolicyPack,
  lookup: Lookup,
  at: Date,
  make: Make,
): PaperFinding[] {
  const today = beijingDate(at);
  const cutoff = pack.dualChannelPaperCutoff;
  if (today < cutoff) return [];
  return f.lines.flatMap((l, i) => {
    const drug = lookup(l.medListCodg);
    if (!drug?.dualChannel) return [];
    const what = `第${i + 1}行 ${drug.genname}（${l.medListCodg}）为“双通道”药品，`;
    const extended = extensionFinding(pack, today, make, what, l.medListCodg);
    if (extended) return [extended];
    return [
      make(
        'R-PAPER-DUAL',
        'DUAL_CHANNEL_ON_PAPER',
        'block',
        `第${i + 1}行 ${drug.genname}（${l.medListCodg}）为“双通道”药品，自${cutoff}起不得凭纸质处方调剂，须使用电子处方`,
        'dualChannelPaperCutoff',
        l.medListCodg,
      ),
    ];
  });
}
