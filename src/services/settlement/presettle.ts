import { dateTime } from '../../center/clock';
import { assertOk } from '../../center/fsi-client';
import { dualChannelAboveStandard } from '../../domain/catalog/payment-standard';
import { type CheckedSettlement, checkSettleReply } from '../../domain/center/settle-reply';
import { AppError } from '../../domain/errors';
import { yuanText } from '../../domain/money';
import {
  type FeeLine,
  feeLines,
  type InsuredPerson,
  settleInput,
} from '../../domain/settlement/fee-lines';
import type { AuthenticatedSession } from '../auth-service';
import { centerFailure } from '../center-errors';
import type { SettlementContext } from './context';
import { type PatientCert, resolveInsured } from './insured-person';
import { rxSettleFacts } from './rx-facts';
import { requireScopeConsents } from './scope-consent-service';
import type { Settleable } from './settle-gate';
import { outOfScopeSns, type SettleOutput, settleOutputSchema } from './split-view';

export interface PresettleInput {
  patient?: PatientCert | undefined;
  useAccount?: boolean | undefined;
  deliveryFeeFen?: number | undefined;
}

/**
 * settlement: the lines as dispensed, every out-of-scope line consented (R-SCOPE);
 * estimate: an open dispensing priced at its prescribed quantities, before any consent is asked.
 */
export type PresettleMode = 'settlement' | 'estimate';

export interface Presettled {
  person: InsuredPerson;
  lines: FeeLine[];
  checked: CheckedSettlement;
  output: SettleOutput;
  warnMsg: string | null;
  at: Date;
  /** Lines sent as outside the restricted payment scope (R-SCOPE). */
  outOfScope: ReadonlySet<string>;
}

/**
 * 2101 for a settleable dispensing: the patient's own credential (R-SETTLE, R-AUTH), the split
 * as the center computes it, checked before it is shown (R-SETTLE), and no dual-channel drug
 * above its payment standard (R-PRICE). No effect at the center.
 */
export async function presettle(
  ctx: SettlementContext,
  session: AuthenticatedSession,
  g: Settleable,
  input: PresettleInput,
  mode: PresettleMode = 'settlement',
): Promise<Presettled> {
  try {
    return await presettleOnce(ctx, session, g, input, mode);
  } catch (err) {
    // An estimate's panel names its own failure (费用估算失败：…).
    throw mode === 'estimate' ? err : asPresettleFailure(err);
  }
}

/**
 * A center failure met on the way (the 9001 sign-in, the patient's 1101, the 2101 itself) is
 * said as the failure of what the user asked for: 预结算失败：… (issue 19 item 12).
 */
function asPresettleFailure(err: unknown): unknown {
  if (!(err instanceof AppError) || !err.code.startsWith('CENTER_')) return err;
  if (err.message.startsWith('预结算失败')) return err;
  return new AppError(err.code, `预结算失败：${err.message}`, {
    ...(err.ruleId ? { ruleId: err.ruleId } : {}),
    ...(err.detail ? { detail: err.detail } : {}),
    ...(err.citation ? { citation: err.citation } : {}),
  });
}

async function presettleOnce(
  ctx: SettlementContext,
  session: AuthenticatedSession,
  g: Settleable,
  input: PresettleInput,
  mode: PresettleMode,
): Promise<Presettled> {
  const d = g.dispensing;
  if (mode === 'settlement') requireScopeConsents(ctx, g);
  const person = await resolveInsured(
    ctx,
    session,
    d.certno,
    input.patient,
    input.useAccount ?? true,
  );
  const dispensed = ctx.dispensings.lines(d.id);
  const priced =
    mode === 'estimate'
      ? dispensed.map((l) => ({ ...l, qtyDispensed: l.qtyPrescribed }))
      : dispensed;
  const lines = feeLines(d.id, priced, ctx.catalog, input.deliveryFeeFen);
  const at = ctx.now();
  const signNo = await ctx.auth.ensureSignedIn(session);
  const req = ctx.fsi.buildRequest({
    infno: '2101',
    input: settleInput(g, person, lines, dateTime(at), rxSettleFacts(ctx, g)),
    opter: session.staff.username,
    opterName: session.staff.displayName,
    signNo,
    insuplcAdmdvs: person.insuplcAdmdvs,
  });
  let output: unknown;
  let warnMsg: string | null = null;
  try {
    const res = assertOk(await ctx.fsi.send(req));
    output = res.output;
    warnMsg = res.warn_msg || null;
  } catch (err) {
    throw centerFailure(err, '预结算');
  }
  const checked = checkSettleReply(output, {
    infno: '2101',
    msgid: req.msgid,
    psnNo: person.psnNo,
    certno: d.certno,
    medfeeFen: lines.reduce((sum, l) => sum + l.totalFen, 0),
    feedetlSns: lines.map((l) => l.feedetlSn),
  });
  const parsed = settleOutputSchema.safeParse(output);
  if (!checked.ok || !parsed.success) {
    const why = checked.ok ? '结算数据无法识别' : checked.problems.join('；');
    ctx.log.warn('settlement.preview.bad_reply', { msgid: req.msgid, problems: why });
    throw new AppError(
      'CENTER_BAD_REPLY',
      `预结算失败：医保中心返回的预结算数据不可信（${why}），已拒绝使用，请稍后重试`,
      { ruleId: 'R-SETTLE' },
    );
  }
  refuseAboveStandard(ctx, lines, parsed.data);
  return {
    person,
    lines,
    checked: checked.value,
    output: parsed.data,
    warnMsg,
    at,
    outOfScope: outOfScopeSns(req.input),
  };
}

/** The dual-channel lines the center's split shows priced above their payment standard (R-PRICE). */
export function aboveStandardText(
  ctx: SettlementContext,
  lines: FeeLine[],
  out: SettleOutput,
): string | null {
  const above = dualChannelAboveStandard(
    lines.map((l) => ({
      feedetlSn: l.feedetlSn,
      name: l.name,
      dualChannel: ctx.catalog.get(l.medListCodg)?.dualChannel ?? false,
      unitPriceFen: Math.round(l.priceUnits / 100),
    })),
    out.detlcutinfo.map((c) => ({
      feedetlSn: c.feedetl_sn,
      standardFen: c.pric_uplmt_amt,
      overLimitFen: c.overlmt_amt,
    })),
  );
  if (above.length === 0) return null;
  return above
    .map(
      (a) =>
        `「${a.name}」售价 ${yuanText(a.unitPriceFen)} 元高于医保支付标准 ${yuanText(a.standardFen)} 元`,
    )
    .join('；');
}

function refuseAboveStandard(ctx: SettlementContext, lines: FeeLine[], out: SettleOutput): void {
  const what = aboveStandardText(ctx, lines, out);
  if (!what) return;
  throw new AppError(
    'POLICY',
    `${what}：“双通道”谈判药品不得高于支付标准销售，超出部分也不得由患者自付；请先将售价下调至不高于支付标准后重新预结算`,
    { ruleId: 'R-PRICE' },
  );
}
