import { dateTime } from '../../center/clock';
import type { FsiResponse } from '../../center/fsi-client';
import { checkRefundReply } from '../../domain/center/settle-reply';
import { AppError } from '../../domain/errors';
import { assertNoScannedCode } from '../../domain/scan/code-shaped-text';
import type { SettlementRecord } from '../../store/settlement-repository';
import type { AuthenticatedSession } from '../auth-service';
import type { SettlementContext } from './context';
import { packGroups } from './pack-groups';
import { issueReversalReceipt } from './receipt/electronic-receipt';
import { docNoOf } from './sale-queue';
import { unknownReason } from './settle-service';
import { type Operator, recordUnknown } from './unknown-outcome';
import { input3506, input7208 } from './upload-bodies';
import { enqueueUpload } from './upload-queue';

/** x_sel_sn of a delivered 7207, for its 7208. */
export function selSnOf(ctx: SettlementContext, msgid: string): string | null {
  const item = ctx.outbox.findByMsgid(msgid);
  const out = JSON.parse(item?.response ?? 'null') as {
    output?: { data?: { x_sel_sn?: unknown } };
  } | null;
  const sn = out?.output?.data?.x_sel_sn;
  return typeof sn === 'string' ? sn : null;
}

/** The sale's 7207/3505 must have reached the center (or been refused) before it is reversed. */
function requireUploadsSettled(ctx: SettlementContext, s: SettlementRecord) {
  const sale = ctx.uploads
    .forSettlement(s.id)
    .filter((u) => u.infno === '7207' || u.infno === '3505')
    .map((u) => ({ u, item: ctx.outbox.findByMsgid(u.msgid) }));
  const moving = sale.filter((x) => x.item?.status === 'pending' || x.item?.status === 'in_flight');
  if (moving.length > 0) {
    throw new AppError(
      'CONFLICT',
      '该笔销售的出库明细（7207/3505）尚未送达医保中心，送达后才能退费；请在上传队列中“立即发送”后重试',
      { ruleId: 'R-SALES-UP' },
    );
  }
  return sale.filter((x) => x.item?.status === 'delivered').map((x) => x.u);
}

/**
 * refund.start (R-REVERSE): 2103 reverses the settlement. On success, in one transaction: the
 * 红字 electronic receipt issued (R-EINVOICE), the dispensing is returned, stock and
 * traceability codes restored, 7208 and 3506 queued behind
 * the sale's 7207/3505. An unknown outcome (no answer, or an answer that fails its checks) gets
 * its 2601, like a settlement.
 */
export function createRefundService(ctx: SettlementContext) {
  return async function refund(
    session: AuthenticatedSession,
    settlementId: number,
    reason: string,
  ): Promise<void> {
    assertNoScannedCode('退费原因', reason, 'R-REVERSE', ctx.now());
    const s = ctx.settlements.get(settlementId);
    if (!s) throw new AppError('NOT_FOUND', `没有结算记录 ${settlementId}`);
    if (s.state !== 'settled' || !s.setlId || !s.mdtrtId) {
      throw new AppError('CONFLICT', `结算 ${settlementId} 当前不是“已结算”状态，不能退费`, {
        ruleId: 'R-REVERSE',
      });
    }
    const delivered = requireUploadsSettled(ctx, s);
    const signNo = await ctx.auth.ensureSignedIn(session);
    const op: Operator = {
      opter: session.staff.username,
      opterName: session.staff.displayName,
      signNo,
    };
    const req = ctx.fsi.buildRequest({
      infno: '2103',
      input: { data: { psn_no: s.psnNo, setl_id: s.setlId, mdtrt_id: s.mdtrtId } },
      ...op,
      insuplcAdmdvs: s.insuplcAdmdvs,
    });
    const started = ctx.now().getTime();
    ctx.db
      .transaction(() => {
        if (!ctx.settlements.startRefund(s.id, reason, started)) {
          throw new AppError('CONFLICT', `结算 ${settlementId} 正在退费或已退费`, {
            ruleId: 'R-REVERSE',
          });
        }
        ctx.settlements.addCall(s.id, '2103', req.msgid, started);
      })
      .immediate();
    let res: FsiResponse;
    try {
      res = await ctx.fsi.send(req);
    } catch (err) {
      recordUnknown(ctx, s, { infno: '2103', msgid: req.msgid }, unknownReason(err), op);
      return;
    }
    if (res.infcode === -1) {
      recordUnknown(ctx, s, { infno: '2103', msgid: req.msgid }, `infcode -1：${res.err_msg}`, op);
      return;
    }
    const at = ctx.now().getTime();
    if (res.infcode !== 0) {
      ctx.db
        .transaction(() => {
          ctx.settlements.resolveCall(req.msgid, 'refused', res.err_msg, at);
          ctx.settlements.setState(s.id, 'refunding', 'settled', at);
        })
        .immediate();
      throw new AppError('CENTER_REJECTED', `退费失败：${res.err_msg}`, { ruleId: 'R-REVERSE' });
    }
    const checked = checkRefundReply(res.output, {
      setlId: s.setlId,
      mdtrtId: s.mdtrtId,
      medfeeFen: s.medfeeFen,
      fundFen: s.fundFen ?? 0,
      acctFen: s.acctFen ?? 0,
      cashFen: s.cashFen ?? 0,
    });
    if (!checked.ok) {
      const why = `医保中心退费应答校验未通过：${checked.problems.join('；')}`;
      recordUnknown(ctx, s, { infno: '2103', msgid: req.msgid }, why, op);
      return;
    }
    ctx.db
      .transaction(() => {
        const groups = packGroups(
          ctx.db,
          ctx.dispensings.lines(s.dispensingId),
          ctx.dispensings.codes(s.dispensingId),
          ctx.dispensings.allocations(s.dispensingId),
          ctx.catalog,
        );
        ctx.settlements.resolveCall(req.msgid, 'ok', null, at);
        ctx.settlements.refunded(s.id, res.output, at);
        issueReversalReceipt(ctx, s.id, new Date(at));
        ctx.returns.returnDispensing(s.dispensingId, at);
        const when = dateTime(new Date(at));
        const common = { ...op, insuplcAdmdvs: s.insuplcAdmdvs };
        for (const u of delivered) {
          const input =
            u.infno === '7207'
              ? input7208(s.hiRxno, selSnOf(ctx, u.msgid), reason, when)
              : input3506(docNoOf(s.id), groups, when);
          const infno = u.infno === '7207' ? '7208' : '3506';
          enqueueUpload(
            ctx,
            { settlementId: s.id },
            { infno, input, ...common },
            { hiRxno: s.hiRxno },
            at,
          );
        }
      })
      .immediate();
    ctx.log.info('settlement.refunded', { settlementId: s.id });
  };
}
