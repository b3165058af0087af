import { dateOnly } from '../../center/clock';
import type { FsiContext } from '../fsi/context';
import { sandboxCatalog } from '../hospital/catalog';
import { findPatientByCert, type PatientRow } from '../patients';
import { Refusal } from '../refusal';
import { type Breakdown, computeSettlement } from './compute';
import { checkPaperForSettlement } from './paper-rx';
import { withAnnouncedStandards } from './pay-standards';
import { type AppliedPolicy, policyFor } from './policy';
import { checkRxForSettlement } from './rx-link';
import { checkVisitForSettlement, refuseMtWithoutRx } from './rx-visit';
import { parseSettleRequest, type SettleRequest } from './settle-input';
import { yearUsage } from './store';

export interface InsuranceRow {
  insutype: string;
  psn_type: string;
  psn_insu_stas: string;
  balc_fen: number;
  insuplc_admdvs: string;
}

export interface PreparedSettlement {
  req: SettleRequest;
  patient: PatientRow;
  insurance: InsuranceRow;
  policy: AppliedPolicy;
  year: string;
  breakdown: Breakdown;
}

const INSU_STAS: Record<string, string> = { '2': '暂停参保', '4': '终止参保' };

/** Everything 2101 and 2102 share: who, which policy, which prescription, the split. */
export function prepareSettlement(ctx: FsiContext): PreparedSettlement {
  const req = parseSettleRequest(ctx.request.input);
  const patient = findPatientByCert(ctx.db, req.mdtrtCertType, req.mdtrtCertNo, req.cardSn);
  if (patient.psn_no !== req.psnNo) throw new Refusal('人员编号（psn_no）与就诊凭证不符');
  const insurance = ctx.db
    .prepare('SELECT * FROM patient_insurances WHERE psn_no = ? AND insutype = ?')
    .get(req.psnNo, req.insutype) as InsuranceRow | undefined;
  if (!insurance) throw new Refusal(`参保人未参加险种 ${req.insutype}`);
  if (insurance.psn_insu_stas !== '1') {
    const stas = INSU_STAS[insurance.psn_insu_stas] ?? '非正常参保';
    throw new Refusal(`参保状态为${stas}，不能享受医保待遇`);
  }
  const policy = withAnnouncedStandards(
    ctx.db,
    policyFor(insurance.insuplc_admdvs, req.insutype, insurance.psn_type),
  );
  const catalog = sandboxCatalog();
  refuseMtWithoutRx(req);
  if (req.rxForm === 'paper') {
    checkPaperForSettlement(ctx.db, req.hiRxno, policy.region, req.lines, catalog, ctx.now);
  } else if (req.hiRxno !== '') {
    const row = checkRxForSettlement(
      ctx.db,
      req.hiRxno,
      patient,
      req.lines,
      (c) => catalog.has(c),
      ctx.now,
    );
    checkVisitForSettlement(row, req);
  }
  const year = dateOnly(ctx.now).slice(0, 4);
  const breakdown = computeSettlement({
    lines: req.lines,
    policy,
    usage: yearUsage(ctx.db, req.psnNo, req.insutype, year),
    balanceFen: insurance.balc_fen,
    useAccount: req.useAccount,
    pooled: req.hiRxno !== '' || !policy.region.poolRequiresRx,
    catalogPriceFen: (code) => catalog.get(code)?.priceFen,
  });
  return { req, patient, insurance, policy, year, breakdown };
}
