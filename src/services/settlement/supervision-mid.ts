import { AppError } from '../../domain/errors';
import type { FeeLine, InsuredPerson } from '../../domain/settlement/fee-lines';
import { carriedFindings } from '../../domain/supervision/supervision-warning';
import type { AuthenticatedSession } from '../auth-service';
import type { SettlementContext } from './context';
import type { Settleable } from './settle-gate';
import { runSupervision, warningsText } from './supervision';
import { queueSupervisionFeedback } from './supervision-feedback';

/**
 * 3102 事中 check of the settlement's own lines, just before 2102 (R-SUPERVISE, D41). Returns the
 * check the settlement goes ahead on, or null when the subsystem did not answer (the 3101
 * decision then stands, as D26 decides for no answer). A 明确违规 stops the settlement; a finding
 * whose platform rule a pharmacist already continued on for this dispensing is carried over with
 * that decision (recorded on this check and fed back by 3103); any other finding stops it until a
 * pharmacist decides on it.
 */
export async function runMidSupervision(
  ctx: SettlementContext,
  session: AuthenticatedSession,
  g: Settleable,
  person: InsuredPerson,
  lines: FeeLine[],
): Promise<number | null> {
  const mid = await runSupervision(ctx, session, g, person, lines, 'mid');
  if (mid.outcome === 'unreachable') return null;
  if (mid.outcome === 'clear') return mid.id;
  const refuse = (message: string) =>
    new AppError('POLICY', message, { ruleId: 'R-SUPERVISE', detail: warningsText(mid) });
  if (mid.outcome === 'blocked') {
    throw refuse('医保智能监管事中审核（结算时）提示“明确违规”，未发送结算；请按提示核实购药数量');
  }
  const continued = ctx.supervision.continuedChecks(g.dispensing.id);
  const { fresh } = carriedFindings(
    mid.warnings,
    continued.flatMap((c) => c.warnings),
  );
  const earlier = continued[0]?.handling;
  if (fresh.length > 0 || !earlier) {
    throw refuse(
      '医保智能监管事中审核（结算时）有新的提示，未发送结算；请重新预结算，由药师查看并处理提示后再结算',
    );
  }
  ctx.db
    .transaction(() => {
      const at = ctx.now().getTime();
      const reason = `沿用药师${earlier.staffName}对同一监管规则的处理：${earlier.reason}`;
      ctx.supervision.handle(mid.id, { choice: 'continue', reason, staffId: earlier.staffId }, at);
      queueSupervisionFeedback(ctx, session, ctx.supervision.mustGet(mid.id), at);
    })
    .immediate();
  return mid.id;
}
