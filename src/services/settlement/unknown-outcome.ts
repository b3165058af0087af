import type { FsiResponse } from '../../center/fsi-client';
import type { SettlementRecord } from '../../store/settlement-repository';
import type { SettlementContext } from './context';
import { enqueueUpload } from './upload-queue';

export interface Operator {
  opter: string;
  opterName: string;
  signNo: string;
}

/**
 * An attempt whose outcome is unknown (timeout, lost reply, infcode -1, unreadable answer):
 * never resent blindly. In one transaction the settlement is marked unknown and a 2601 for
 * its msgid is queued; the outbox repeats the 2601 (same msgid) until the center answers.
 */
export function recordUnknown(
  ctx: SettlementContext,
  s: SettlementRecord,
  call: { infno: '2102' | '2103'; msgid: string },
  reason: string,
  op: Operator,
): void {
  const at = ctx.now().getTime();
  ctx.db
    .transaction(() => {
      ctx.settlements.resolveCall(call.msgid, 'unknown', reason, at);
      if (call.infno === '2102') ctx.settlements.setState(s.id, 'settling', 'outcome_unknown', at);
      else ctx.settlements.setState(s.id, 'refunding', 'refund_unknown', at);
      const reversal = enqueueUpload(
        ctx,
        { settlementId: s.id },
        {
          infno: '2601',
          input: { data: { psn_no: s.psnNo, omsgid: call.msgid, oinfno: call.infno } },
          ...op,
          insuplcAdmdvs: s.insuplcAdmdvs,
        },
        undefined,
        at,
      );
      ctx.settlements.setReversal(call.msgid, reversal);
    })
    .immediate();
  ctx.log.warn('settlement.outcome_unknown', { settlementId: s.id, infno: call.infno, reason });
}

/** x_rvs_rslt of a delivered 2601 reply, or null when the reply does not carry one. */
export function reversalResultOf(response: unknown): string | null {
  const data = (response as { output?: { data?: { x_rvs_rslt?: unknown } } } | null)?.output?.data;
  const r = data?.x_rvs_rslt;
  return typeof r === 'string' && /^[1-4]$/.test(r) ? r : null;
}

/**
 * The center answered a 2601: whatever the result (undone, never arrived, original refused,
 * already undone), the original's effect is not in force now. A 2102 reversed leaves no
 * settlement (voided: settle again); a 2103 reversed leaves the settlement standing.
 */
export function applyReversal(ctx: SettlementContext, reversalMsgid: string, response: unknown) {
  const result = reversalResultOf(response);
  if (!result) {
    ctx.log.warn('settlement.reversal.unreadable', { msgid: reversalMsgid });
    return;
  }
  const at = ctx.now().getTime();
  ctx.db
    .transaction(() => {
      const call = ctx.settlements.reversalAnswered(reversalMsgid, result, at);
      if (!call) return;
      if (call.infno === '2102')
        ctx.settlements.setState(call.settlementId, 'outcome_unknown', 'voided', at);
      else ctx.settlements.setState(call.settlementId, 'refund_unknown', 'settled', at);
    })
    .immediate();
  ctx.log.info('settlement.reversal.applied', { msgid: reversalMsgid, result });
}

/**
 * settle.resolveUnknown: sends the still-undelivered 2601s of a settlement now (the frozen
 * request, same msgid; a parked one is requeued) and applies the answers.
 */
export async function resolveNow(ctx: SettlementContext, settlementId: number): Promise<void> {
  for (const call of ctx.settlements.calls(settlementId)) {
    if (call.outcome !== 'unknown' || !call.reversalMsgid || call.reversalResult) continue;
    const item = ctx.outbox.findByMsgid(call.reversalMsgid);
    if (!item) continue;
    if (item.status === 'delivered') {
      applyReversal(ctx, item.msgid, JSON.parse(item.response ?? 'null'));
      continue;
    }
    if (item.status === 'parked') ctx.outbox.requeueParked(item.id);
    let res: FsiResponse;
    try {
      res = await ctx.fsi.send(JSON.parse(item.body));
    } catch (err) {
      ctx.log.info('settlement.reversal.still_unknown', { msgid: item.msgid, error: String(err) });
      continue;
    }
    if (res.infcode !== 0) continue;
    ctx.outbox.markDelivered(item.id, res);
    applyReversal(ctx, item.msgid, res);
  }
}
