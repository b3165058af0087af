import { dateTime } from '../../center/clock';
import { CenterError, type FsiResponse } from '../../center/fsi-client';
import { checkSettleReply } from '../../domain/center/settle-reply';
import { AppError } from '../../domain/errors';
import { feeLines, settleInput } from '../../domain/settlement/fee-lines';
import type { ReceiptChoice } from '../../domain/settlement/receipt-choice';
import { sqliteCode } from '../../store/sqlite-errors';
import type { AuthenticatedSession } from '../auth-service';
import type { SettlementContext } from './context';
import { aboveStandardText, presettle } from './presettle';
import { issueElectronicReceipt } from './receipt/electronic-receipt';
import { settleableAfterReviewUpload } from './review-upload-wait';
import { rxSettleFacts } from './rx-facts';
import { queueSaleUploads } from './sale-queue';
import { requireScopeConsents } from './scope-consent-service';
import { requireSettleable } from './settle-gate';
import { settleOutputSchema } from './split-view';
import { requireSupervisionPassed, runSupervision } from './supervision';
import { runMidSupervision } from './supervision-mid';
import { type Operator, recordUnknown } from './unknown-outcome';

/** Why an answer cannot be trusted: the 2102 may or may not have taken effect. */
export function unknownReason(err: unknown): string {
  if (err instanceof CenterError) {
    const kinds: Record<string, string> = {
      timeout: '医保中心应答超时',
      network: '与医保中心的连接中断',
      http: `医保中心网关返回 HTTP ${err.status ?? ''}`,
      malformed: '医保中心应答无法识别',
    };
    return `${kinds[err.kind] ?? '医保中心应答异常'}：${err.message}`;
  }
  return `发送失败：${String(err)}`;
}

/**
 * settle.confirm: 2102 with the dispensing's lines (R-SETTLE, R-NOSWAP), after a checked
 * 2101 (the preview's, or one made now: the patient's own credential, R-PRICE), a 3101
 * supervision check that is clear or whose findings a pharmacist continued with, and the 3102
 * 事中 check of these same lines just before sending (R-SUPERVISE, D41; both re-checked by the
 * database when the attempt is recorded). The attempt is
 * recorded with its msgid before sending; the answer moves it, in one transaction each, to
 * settled (+ 7207/3505 queued), refused, or outcome_unknown (+ 2601 queued). A reply that
 * fails its checks, or names a settlement already recorded, is an unknown outcome, never a
 * settlement.
 */
export function createSettleService(ctx: SettlementContext) {
  return async function confirm(
    session: AuthenticatedSession,
    dispensingId: number,
    previewId: string | undefined,
    receiptChoice: ReceiptChoice = 'paper',
  ): Promise<number> {
    const first = await settleableAfterReviewUpload(ctx, dispensingId);
    requireScopeConsents(ctx, first);
    const d = first.dispensing;
    const stored = previewId ? ctx.previews.get(previewId, d.id) : undefined;
    if (previewId && !stored) {
      throw new AppError('CONFLICT', '预结算已过期或不属于该调剂单，请重新预结算', {
        ruleId: 'R-SETTLE',
      });
    }
    const person = stored?.person ?? (await presettle(ctx, session, first, {})).person;
    const lines = feeLines(d.id, ctx.dispensings.lines(d.id), ctx.catalog, stored?.deliveryFeeFen);
    const checkId =
      stored?.supervisionCheckId ?? (await runSupervision(ctx, session, first, person, lines)).id;
    requireSupervisionPassed(ctx, checkId);
    const midCheckId = await runMidSupervision(ctx, session, first, person, lines);
    const signNo = await ctx.auth.ensureSignedIn(session);
    const op: Operator = {
      opter: session.staff.username,
      opterName: session.staff.displayName,
      signNo,
    };
    const started = ctx.now();
    const req = ctx.fsi.buildRequest({
      infno: '2102',
      input: settleInput(first, person, lines, dateTime(started), rxSettleFacts(ctx, first)),
      ...op,
      insuplcAdmdvs: person.insuplcAdmdvs,
    });
    const s = ctx.db
      .transaction(() => {
        const settleable = requireSettleable(ctx, d.id);
        const rec = ctx.settlements.insert(
          {
            dispensingId: d.id,
            hiRxno: settleable.rxno,
            msgid: req.msgid,
            request: JSON.stringify(req),
            psnNo: person.psnNo,
            insutype: person.insutype,
            insuplcAdmdvs: person.insuplcAdmdvs,
            patientName: d.patientName,
            certno: d.certno,
            staffId: session.staff.id,
            medfeeFen: lines.reduce((sum, l) => sum + l.totalFen, 0),
            supervisionCheckId: checkId,
            midCheckId,
          },
          started.getTime(),
        );
        return { rec, settleable };
      })
      .immediate();
    let res: FsiResponse;
    try {
      res = await ctx.fsi.send(req);
    } catch (err) {
      recordUnknown(ctx, s.rec, { infno: '2102', msgid: req.msgid }, unknownReason(err), op);
      return s.rec.id;
    }
    if (res.infcode === -1) {
      const reason = `医保中心系统错误（infcode -1）：${res.err_msg}`;
      recordUnknown(ctx, s.rec, { infno: '2102', msgid: req.msgid }, reason, op);
      return s.rec.id;
    }
    const at = ctx.now().getTime();
    if (res.infcode !== 0) {
      const reason = res.err_msg || `医保中心拒绝结算（infcode ${res.infcode}）`;
      ctx.db
        .transaction(() => {
          ctx.settlements.resolveCall(req.msgid, 'refused', reason, at);
          ctx.settlements.refused(s.rec.id, reason, at);
        })
        .immediate();
      throw new AppError('CENTER_REJECTED', `结算失败：${reason}`, { ruleId: 'R-SETTLE' });
    }
    const checked = checkSettleReply(res.output, {
      infno: '2102',
      msgid: req.msgid,
      psnNo: person.psnNo,
      certno: d.certno,
      medfeeFen: s.rec.medfeeFen,
      feedetlSns: lines.map((l) => l.feedetlSn),
    });
    if (!checked.ok) {
      const reason = `医保中心结算应答校验未通过：${checked.problems.join('；')}`;
      recordUnknown(ctx, s.rec, { infno: '2102', msgid: req.msgid }, reason, op);
      return s.rec.id;
    }
    const info = checked.value;
    const split = settleOutputSchema.safeParse(res.output);
    const above = split.success ? aboveStandardText(ctx, lines, split.data) : null;
    if (above) {
      // The standard fell between preview and settlement: the sale may not stand (R-PRICE).
      const reason = `${above}，“双通道”药品不得高于支付标准销售：已发起冲正，请下调售价后重新预结算`;
      recordUnknown(ctx, s.rec, { infno: '2102', msgid: req.msgid }, reason, op);
      return s.rec.id;
    }
    const holder = ctx.settlements.holdingCenterIds(info.setlId, info.mdtrtId, s.rec.id);
    if (holder) {
      const reason = `医保中心结算应答的结算ID或就诊ID已属于本机结算 ${holder.id}，不是本次结算的结果`;
      recordUnknown(ctx, s.rec, { infno: '2102', msgid: req.msgid }, reason, op);
      return s.rec.id;
    }
    const amounts = {
      setlId: info.setlId,
      mdtrtId: info.mdtrtId,
      fundFen: info.fundFen,
      acctFen: info.acctFen,
      cashFen: info.cashFen,
      reply: res.output,
      warnMsg: res.warn_msg || null,
    };
    try {
      ctx.db
        .transaction(() => {
          ctx.settlements.resolveCall(req.msgid, 'ok', null, at);
          ctx.settlements.settled(s.rec.id, amounts, at);
          issueElectronicReceipt(ctx, s.rec.id, receiptChoice, new Date(at));
          const rec = ctx.settlements.mustGet(s.rec.id);
          queueSaleUploads(
            ctx,
            { ...rec, setlId: amounts.setlId, mdtrtId: amounts.mdtrtId },
            s.settleable,
            op,
            at,
          );
        })
        .immediate();
    } catch (err) {
      // Backstop of holdingCenterIds: the unique index on setl_id (migration 12).
      if (sqliteCode(err) !== 'SQLITE_CONSTRAINT_UNIQUE') throw err;
      const reason = '医保中心结算应答的结算ID已被本机另一笔结算使用，不是本次结算的结果';
      recordUnknown(ctx, s.rec, { infno: '2102', msgid: req.msgid }, reason, op);
      return s.rec.id;
    }
    ctx.log.info('settlement.settled', { settlementId: s.rec.id, setlId: amounts.setlId });
    return s.rec.id;
  };
}
