import { Refusal } from '../../refusal';
import { SETTLEMENT_CODES } from '../../settlement/codes';
import { findReversal, recordReversal } from '../../settlement/reversal-marks';
import {
  type SettlementRow,
  settlementByMsgid,
  settlementReversedBy,
} from '../../settlement/store';
import { redoSettlement, undoSettlement } from '../../settlement/undo';
import { type FsiContext, type FsiTransaction, field, inputData, requireField } from '../context';

const RSLT = SETTLEMENT_CODES.rvsRslt;
const STAS = SETTLEMENT_CODES.setlStas;

/** x_rvs_rslt names (code table in settlement/codes.ts). */
export const RVS_RSLT_NAMES: Record<string, string> = {
  [RSLT.undone]: '已冲正：原交易的效果已撤销',
  [RSLT.neverArrived]: '原交易未到达中心：已登记，之后到达也不再受理',
  [RSLT.originalRefused]: '原交易已被中心拒绝（无效果），无需冲正',
  [RSLT.alreadyUndone]: '原交易的效果此前已撤销，无需冲正',
};

const REVERSIBLE = ['2102', '2103'];

interface Outcome {
  rslt: string;
  setlId: string | null;
}

function undoOriginal(ctx: FsiContext, oinfno: string, omsgid: string, psnNo: string): Outcome {
  const row: SettlementRow | null =
    oinfno === '2102' ? settlementByMsgid(ctx.db, omsgid) : settlementReversedBy(ctx.db, omsgid);
  if (!row) return { rslt: RSLT.alreadyUndone, setlId: null };
  if (psnNo !== '' && psnNo !== row.psn_no) throw new Refusal('人员编号（psn_no）与原交易不符');
  if (oinfno === '2102') {
    if (row.stas !== STAS.settled) return { rslt: RSLT.alreadyUndone, setlId: row.setl_id };
    undoSettlement(ctx.db, row, 'voided', ctx.request.msgid, ctx.now);
  } else {
    if (row.stas !== STAS.reversed) return { rslt: RSLT.alreadyUndone, setlId: row.setl_id };
    redoSettlement(ctx.db, row, ctx.now);
  }
  return { rslt: RSLT.undone, setlId: row.setl_id };
}

/**
 * 2601 冲正交易 for 2102/2103 (research §3.1): settles a client's unknown outcome. A processed
 * original is undone; one that never arrived is recorded so that it is refused if it comes
 * later; a refused original needs nothing. Asking again for the same omsgid answers the
 * recorded result without a second effect.
 */
export const reversal2601: FsiTransaction = {
  name: '冲正交易',
  requiresSignIn: true,
  run(ctx) {
    const data = inputData(ctx);
    const omsgid = requireField(data, 'omsgid', '原发送方报文ID');
    const oinfno = requireField(data, 'oinfno', '原交易编号');
    const psnNo = field(data, 'psn_no');
    if (!REVERSIBLE.includes(oinfno)) {
      throw new Refusal(`原交易编号（oinfno）${oinfno} 不支持冲正，沙箱支持 2102、2103`);
    }
    if (omsgid === ctx.request.msgid) throw new Refusal('冲正报文不能冲正自身');
    if (omsgid.slice(0, 12) !== ctx.request.fixmedins_code) {
      throw new Refusal('原报文ID（omsgid）不属于本机构');
    }
    const earlier = findReversal(ctx.db, omsgid);
    if (earlier && earlier.oinfno !== oinfno) {
      throw new Refusal(`原报文 ${omsgid} 已按交易 ${earlier.oinfno} 冲正`);
    }
    let outcome: Outcome;
    if (earlier) {
      outcome = { rslt: earlier.rvs_rslt, setlId: earlier.setl_id };
    } else {
      const processed = ctx.db
        .prepare('SELECT infno, infcode FROM processed_messages WHERE msgid = ?')
        .get(omsgid) as { infno: string; infcode: number } | undefined;
      if (processed && processed.infno !== oinfno) {
        throw new Refusal(`原报文 ${omsgid} 的交易编号是 ${processed.infno}，不是 ${oinfno}`);
      }
      outcome = !processed
        ? { rslt: RSLT.neverArrived, setlId: null }
        : processed.infcode !== 0
          ? { rslt: RSLT.originalRefused, setlId: null }
          : undoOriginal(ctx, oinfno, omsgid, psnNo);
      recordReversal(ctx.db, {
        omsgid,
        oinfno,
        fixmedins_code: ctx.request.fixmedins_code,
        msgid: ctx.request.msgid,
        rvs_rslt: outcome.rslt,
        setl_id: outcome.setlId,
        created_at: ctx.now.getTime(),
      });
    }
    return {
      output: {
        data: {
          omsgid,
          oinfno,
          x_rvs_rslt: outcome.rslt,
          x_rvs_rslt_name: RVS_RSLT_NAMES[outcome.rslt] ?? outcome.rslt,
          ...(outcome.setlId ? { setl_id: outcome.setlId } : {}),
        },
      },
    };
  },
};
