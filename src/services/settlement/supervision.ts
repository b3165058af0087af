import { assertOk, CenterError } from '../../center/fsi-client';
import { TRANSACTIONS } from '../../center/transactions';
import type { SupervisionResult } from '../../center/transactions/supervision-3101';
import type { SupervisionView } from '../../contract/types-supervision';
import { AppError } from '../../domain/errors';
import { yuanNumber } from '../../domain/money';
import { citation } from '../../domain/rules';
import type { FeeLine, InsuredPerson } from '../../domain/settlement/fee-lines';
import {
  MIN_REASON_CHARS,
  outcomeOf,
  SEVERITY_LABELS,
  type SupervisionChoice,
  type SupervisionStage,
  type SupervisionWarning,
  settlementRefusal,
  severityOf,
  TRIGGER_PRESETTLEMENT,
} from '../../domain/supervision/supervision-warning';
import type { SupervisionCheck } from '../../store/supervision-repository';
import type { AuthenticatedSession } from '../auth-service';
import type { SettlementContext } from './context';
import type { Settleable } from './settle-gate';
import { queueSupervisionFeedback } from './supervision-feedback';

/** 3101 事前 at preview, 3102 事中 just before 2102. */
const INFNO_OF_STAGE = { pre: '3101', mid: '3102' } as const;

function warningOf(r: SupervisionResult): SupervisionWarning {
  return {
    jrId: r.jr_id,
    ruleId: r.rule_id,
    ruleName: r.rule_name,
    content: r.vola_cont,
    basis: r.vola_evid ?? '',
    severity: severityOf(r.sev_deg),
  };
}

function whyNoVerdict(err: unknown): string {
  if (err instanceof CenterError && err.kind === 'business') {
    return `医保智能监管子系统拒绝审核：${err.message}`;
  }
  return `医保智能监管子系统无应答：${err instanceof Error ? err.message : String(err)}`;
}

/**
 * 3101 事前 (at preview) or 3102 事中 (just before 2102) check of the lines about to be settled
 * (R-SUPERVISE), recorded whatever it answers. No answer is recorded as such: whether settlement
 * may then go ahead is the pharmacist's recorded decision (docs/decisions.md D26, D41).
 */
export async function runSupervision(
  ctx: SettlementContext,
  session: AuthenticatedSession,
  g: Settleable,
  person: InsuredPerson,
  lines: FeeLine[],
  stage: SupervisionStage = 'pre',
): Promise<SupervisionCheck> {
  const d = g.dispensing;
  const infno = INFNO_OF_STAGE[stage];
  const signNo = await ctx.auth.ensureSignedIn(session);
  const req = ctx.fsi.buildRequest({
    infno,
    input: {
      data: {
        patient_id: person.psnNo,
        patient_name: d.patientName,
        poolarea: person.insuplcAdmdvs,
        trig_scen: TRIGGER_PRESETTLEMENT,
        fsi_encounter_dtos: [
          {
            medins_id: ctx.config.pharmacy.code,
            fsi_order_dtos: lines.map((l) => ({
              rx_id: l.feedetlSn,
              rxno: g.rxno,
              hilist_code: l.medListCodg,
              hilist_name: l.name,
              cnt: l.quantity,
              cnt_prcunt: l.unit,
              pric: l.priceUnits / 10_000,
              sumamt: yuanNumber(l.totalFen),
            })),
          },
        ],
      },
    },
    opter: session.staff.username,
    opterName: session.staff.displayName,
    signNo,
    insuplcAdmdvs: person.insuplcAdmdvs,
  });
  let warnings: SupervisionWarning[] | null = null;
  let error: string | null = null;
  try {
    const res = assertOk(await ctx.fsi.send(req));
    const parsed = TRANSACTIONS[infno].output.safeParse(res.output);
    if (parsed.success) warnings = parsed.data.result.map(warningOf);
    else error = '医保智能监管子系统应答无法识别';
  } catch (err) {
    error = whyNoVerdict(err);
  }
  if (error) ctx.log.warn('supervision.no_verdict', { infno, msgid: req.msgid, error });
  return ctx.supervision.insert(
    {
      dispensingId: d.id,
      stage,
      msgid: req.msgid,
      outcome: warnings ? outcomeOf(warnings) : 'unreachable',
      warnings: warnings ?? [],
      error,
      staffId: session.staff.id,
    },
    ctx.now().getTime(),
  );
}

/** The pharmacist's decision on a check: continue (with a reason) or cancel; recorded once. */
export function handleSupervision(
  ctx: SettlementContext,
  session: AuthenticatedSession,
  input: { checkId: number; dispensingId: number; choice: SupervisionChoice; reason: string },
): SupervisionView {
  const reason = input.reason.trim();
  return ctx.db
    .transaction(() => {
      const c = ctx.supervision.get(input.checkId);
      if (!c || c.dispensingId !== input.dispensingId) {
        throw new AppError(
          'NOT_FOUND',
          `调剂单 ${input.dispensingId} 没有第 ${input.checkId} 号监管审核`,
        );
      }
      if (c.outcome === 'clear') {
        throw new AppError('CONFLICT', '本次监管审核无提示，无需处理', { ruleId: 'R-SUPERVISE' });
      }
      if (c.handling) {
        throw new AppError('CONFLICT', '该监管提示已处理，如需改变决定请重新预结算', {
          ruleId: 'R-SUPERVISE',
        });
      }
      if (input.choice === 'continue' && c.outcome === 'blocked') {
        throw new AppError(
          'POLICY',
          '监管提示为“明确违规”，不能继续结算；请取消结算并按提示核实处方与购药数量',
          { ruleId: 'R-SUPERVISE' },
        );
      }
      if (reason.length < MIN_REASON_CHARS) {
        throw new AppError('VALIDATION', `请填写处理理由（至少 ${MIN_REASON_CHARS} 个字）`, {
          ruleId: 'R-SUPERVISE',
        });
      }
      const at = ctx.now().getTime();
      ctx.supervision.handle(c.id, { choice: input.choice, reason, staffId: session.staff.id }, at);
      queueSupervisionFeedback(ctx, session, ctx.supervision.mustGet(c.id), at);
      return supervisionView(ctx.supervision.mustGet(c.id), ctx.config.pharmacy.admdvs);
    })
    .immediate();
}

/** Refuses settlement on a check that is not clear and not continued (R-SUPERVISE). */
export function requireSupervisionPassed(ctx: SettlementContext, checkId: number): void {
  const c = ctx.supervision.mustGet(checkId);
  const why = settlementRefusal(c.outcome, c.handling, c.stage);
  if (!why) return;
  throw new AppError('POLICY', why, { ruleId: 'R-SUPERVISE', detail: warningsText(c) });
}

export function warningsText(c: SupervisionCheck): string {
  return c.warnings
    .map((w) => `【${SEVERITY_LABELS[w.severity]}】${w.ruleName}：${w.content}`)
    .join('；');
}

export function supervisionView(c: SupervisionCheck, admdvs: string): SupervisionView {
  return {
    checkId: c.id,
    outcome: c.outcome,
    warnings: c.warnings.map((w) => ({ ...w, severityLabel: SEVERITY_LABELS[w.severity] })),
    error: c.error,
    handling: c.handling
      ? {
          choice: c.handling.choice,
          reason: c.handling.reason,
          staffName: c.handling.staffName,
          handledAt: new Date(c.handling.handledAt).toISOString(),
        }
      : null,
    settleAllowed: settlementRefusal(c.outcome, c.handling, c.stage) === null,
    refusal: settlementRefusal(c.outcome, c.handling, c.stage),
    citation: citation('R-SUPERVISE', admdvs),
  };
}
