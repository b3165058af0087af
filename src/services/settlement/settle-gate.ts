import { AppError } from '../../domain/errors';
import type { Dispensing } from '../../store/dispensing-repository';
import type { ReviewRecord } from '../../store/review-repository';
import { conflictFinding } from '../review/rx-conflict';
import type { SettlementContext } from './context';

export interface Settleable {
  dispensing: Dispensing;
  review: ReviewRecord & { rxChkBizSn: string };
}

/**
 * Settlement only from a completed dispensing of a reviewed, verified prescription whose
 * review reached the center, and never while another settlement of it is or may be live
 * (R-SETTLE, R-STATUS, R-OPINION, R-SIGN).
 */
export function requireSettleable(ctx: SettlementContext, dispensingId: number): Settleable {
  const d = ctx.dispensings.get(dispensingId);
  if (!d) throw new AppError('NOT_FOUND', `没有调剂单 ${dispensingId}`);
  if (d.state !== 'completed') {
    const why =
      d.state === 'open'
        ? '调剂尚未完成（须逐盒扫码后完成调剂）'
        : `调剂单状态为“${d.state === 'returned' ? '已退货' : '已取消'}”`;
    throw new AppError('POLICY', `${why}，不能结算`, { ruleId: 'R-SETTLE' });
  }
  const p = ctx.prescriptions.get(d.hiRxno);
  if (!p) throw new AppError('NOT_FOUND', `本机没有处方 ${d.hiRxno}`);
  if (p.verification !== 'verified') {
    throw new AppError('POLICY', '处方电子签名验证未通过，不能结算', { ruleId: 'R-SIGN' });
  }
  const conflict = conflictFinding(ctx.db, d.hiRxno);
  if (conflict) throw new AppError('CONFLICT', conflict.message, { ruleId: 'R-STATUS' });
  const review = ctx.reviews.live(d.hiRxno);
  if (!review || review.result !== 'pass') {
    throw new AppError('POLICY', '处方未经药师审核通过，不能结算', { ruleId: 'R-OPINION' });
  }
  if (!review.rxChkBizSn) {
    throw new AppError(
      'CONFLICT',
      '审方结果尚未送达医保中心（7206），送达后才能结算；请稍候或在上传队列中“立即发送”',
      { ruleId: 'R-OPINION' },
    );
  }
  const live = ctx.settlements.liveForDispensing(d.id);
  if (live) throw liveConflict(live.state, live.id);
  return { dispensing: d, review: { ...review, rxChkBizSn: review.rxChkBizSn } };
}

function liveConflict(state: string, id: number): AppError {
  if (state === 'outcome_unknown' || state === 'settling') {
    return new AppError(
      'CONFLICT',
      `结算 ${id} 的结果尚未确认（冲正进行中），确认前不能再次结算，以免重复扣费`,
      { ruleId: 'R-SETTLE' },
    );
  }
  return new AppError('CONFLICT', `该调剂单已结算（结算 ${id}），不能重复结算`, {
    ruleId: 'R-STATUS',
  });
}
