import { DISPOSAL_WAYS, TRIGGER_PRESETTLEMENT } from '../../domain/supervision/supervision-warning';
import type { SupervisionCheck } from '../../store/supervision-repository';
import type { AuthenticatedSession } from '../auth-service';
import { enqueueTransaction } from '../outbox-enqueue';
import type { SettlementContext } from './context';

/**
 * Queues 3103 事前事中服务反馈: how the pharmacist handled each finding of a handled check
 * (R-SUPERVISE). Call inside the transaction that records the handling: both commit or neither,
 * and supervision_feedbacks allows one per check, so each handling reaches the platform once.
 * A check without findings (the subsystem did not answer) has nothing to feed back.
 */
export function queueSupervisionFeedback(
  ctx: SettlementContext,
  session: AuthenticatedSession,
  check: SupervisionCheck,
  at: number,
): void {
  const h = check.handling;
  if (!h || check.warnings.length === 0) return;
  const req = ctx.fsi.buildRequest({
    infno: '3103',
    input: {
      data: {
        trig_scen: TRIGGER_PRESETTLEMENT,
        warns: check.warnings.map((w) => ({
          jr_id: w.jrId,
          dspo_way: DISPOSAL_WAYS[h.choice],
          dspo_way_rea: h.reason,
        })),
      },
    },
    opter: session.staff.username,
    opterName: session.staff.displayName,
    signNo: session.signNo,
  });
  enqueueTransaction(ctx.outbox, req, undefined);
  ctx.supervision.feedbackQueued(check.id, req.msgid, at);
}
