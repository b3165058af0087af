import type { Out7204 } from '../center/rx/fsi-72xx';
import { SIGNED_FIELD_LABELS } from '../center/rx/signed-field-labels';
import { RX_VERDICT_CODES } from '../center/rx/verdict';
import { beijingTime } from '../center/x509';
import type {
  InsuranceNotice,
  LayoutSummary,
  PrescriptionView,
  RuleFinding,
  RxCertificateInfo,
  RxDrugLineView,
} from '../contract/types';
import { type RxProgress, rxLiveState } from '../domain/lifecycle/rx-live-state';
import { maskIdNumber, maskName } from '../domain/mask';
import { citation } from '../domain/rules';
import type { StoredPrescription } from '../store/prescription-repository';
import { dualChannelFactsOf } from './dual-channel-facts';
import type { RegionInfo, RxPolicyEvaluator } from './region-service';

/** Puts together what the prescription screen shows, with every blocking finding and its rule. */
export function buildPrescriptionView(
  p: StoredPrescription,
  ctx: {
    region: RegionInfo;
    evaluate: RxPolicyEvaluator;
    at: Date;
    layout: LayoutSummary;
    progress: Omit<RxProgress, 'reviewable'>;
    insuranceNotices: InsuranceNotice[];
  },
): PrescriptionView {
  const reply = p.reply as Out7204;
  const d = reply.data;
  const m = reply.mdtrtinfo;
  const layout = ctx.layout;
  const policy = ctx.evaluate(
    reply,
    { ...p, statusCodg: p.statusCodg, statusName: p.statusName },
    ctx.at,
  );
  const findings: RuleFinding[] = [
    ...signatureFindings(p),
    ...layoutFindings(layout),
    ...policy.findings,
  ];
  const blocked = findings.some((f) => f.severity === 'block');
  const reviewable = !blocked && p.verification === 'verified';
  return {
    hiRxno: p.hiRxno,
    rxTraceCode: p.rxTraceCode,
    fixmedinsCode: p.fixmedinsCode,
    fixmedinsName: p.fixmedinsName,
    prscTime: p.prscTime,
    uploadTime: d.x_upld_time,
    validEndTime: d.valid_end_time,
    longRx: d.long_rx_flag === '1',
    status: { codg: p.statusCodg, name: p.statusName },
    patient: { name: maskName(m.patn_name), certnoMasked: maskIdNumber(m.certno) },
    doctorName: m.prsc_dr_name,
    deptName: m.prsc_dept_name ?? '',
    dualChannelApplyNo: dualChannelFactsOf(reply).applyNo || null,
    hospitalPharmacist: m.phar_name,
    diagnosis: m.maindiag_name ?? reply.diseinfo.map((x) => x.diag_name).join('；'),
    lines: reply.rxdrugdetail.map((l): RxDrugLineView => {
      const tags = policy.lineTags.get(l.med_list_codg) ?? { tags: [], dualChannel: false };
      return {
        medListCodg: l.med_list_codg,
        genname: l.drug_genname,
        spec: l.drug_spec ?? '',
        dosform: l.drug_dosform ?? '',
        quantity: String(l.drug_cnt),
        unit: l.drug_dosunt ?? '',
        usage: [
          l.medc_way_dscr,
          l.sin_doscnt == null ? '' : `每次${l.sin_doscnt}${l.sin_dosunt ?? ''}`,
          l.used_frqu_name,
          l.medc_days == null ? '' : `${l.medc_days}天`,
        ]
          .filter(Boolean)
          .join(' '),
        days: l.medc_days == null ? null : Number(l.medc_days),
        tags: tags.tags,
        dualChannel: tags.dualChannel,
      };
    }),
    signature: {
      local: { valid: p.localValid, code: p.localCode, message: p.localReason },
      center: { state: p.centerState, message: p.centerMessage, verifySn: p.rxSignVerifySn },
      cert: (p.certInfo as RxCertificateInfo | null) ?? null,
      alteredFields: p.alteredFields.map(
        (f) => SIGNED_FIELD_LABELS[f as keyof typeof SIGNED_FIELD_LABELS] ?? f,
      ),
      checkedAt: beijingTime(new Date(p.checkedAt)),
    },
    layout,
    policy: { regionId: ctx.region.id, regionName: ctx.region.name },
    findings,
    reviewable,
    live: rxLiveState({ reviewable, ...ctx.progress }),
    insuranceNotices: ctx.insuranceNotices,
    downloadedAt: beijingTime(new Date(p.downloadedAt)),
  };
}

/** The rule a stored local verdict code belongs to (R-SIGN unless the code says otherwise). */
function verdictRule(code: string): 'R-SIGN' | 'R-LAYOUT' | 'R-SIGNERS' {
  const known = (RX_VERDICT_CODES as Record<string, { ruleId: string }>)[code]?.ruleId;
  return known === 'R-LAYOUT' || known === 'R-SIGNERS' ? known : 'R-SIGN';
}

function finding(
  ruleId: 'R-SIGN' | 'R-LAYOUT' | 'R-SIGNERS',
  code: string,
  severity: RuleFinding['severity'],
  message: string,
): RuleFinding {
  return { ruleId, code, severity, message, citation: citation(ruleId) };
}

function signatureFindings(p: StoredPrescription): RuleFinding[] {
  const out: RuleFinding[] = [];
  if (!p.localValid) {
    const rule = verdictRule(p.localCode);
    const lead = rule === 'R-SIGNERS' ? '签名人核验未通过' : '电子签名验证未通过';
    out.push(finding(rule, p.localCode, 'block', `${lead}：${p.localReason}`));
  }
  if (p.alteredFields.length > 0) {
    const names = p.alteredFields.map(
      (f) => SIGNED_FIELD_LABELS[f as keyof typeof SIGNED_FIELD_LABELS] ?? f,
    );
    out.push(
      finding(
        'R-SIGN',
        'FIELD_TAMPERED',
        'block',
        `处方数据与签名原文不一致（${names.join('、')}），可能被篡改`,
      ),
    );
  }
  if (p.centerState === 'failed')
    out.push(finding('R-SIGN', 'CENTER_VERIFY_FAILED', 'block', p.centerMessage));
  if (p.centerState === 'unreachable')
    out.push(finding('R-SIGN', 'CENTER_UNREACHABLE', 'warn', p.centerMessage));
  return out;
}

/** Differs blocks (004 §二(三)3); unread never counts as either: the pharmacist confirms it. */
function layoutFindings(layout: LayoutSummary): RuleFinding[] {
  if (layout.readError)
    return [finding('R-LAYOUT', 'LAYOUT_UNREADABLE', 'block', `${layout.readError}；不得结算`)];
  const out: RuleFinding[] = [];
  const different = layout.fields.filter((f) => f.outcome === 'differs').map((f) => f.label);
  if (different.length > 0) {
    out.push(
      finding(
        'R-LAYOUT',
        'LAYOUT_MISMATCH',
        'block',
        `版式文件与结构化数据不一致：${different.join('、')}；不一致不得结算`,
      ),
    );
  }
  if (layout.unreadGroups.length > 0) {
    const groups = layout.unreadGroups.map((g) => `${g.name}（${g.labels.join('、')}）`);
    out.push(
      finding(
        'R-LAYOUT',
        'LAYOUT_UNREAD',
        'warn',
        `版式文件中未能读出：${groups.join('；')}。请对照版式文件逐组确认后方可审核通过`,
      ),
    );
  }
  return out;
}
