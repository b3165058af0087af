import type { Out7204 } from '../../center/rx/fsi-72xx';
import { AppError } from '../../domain/errors';
import { isMtClaim, mtClaimFundRefusal } from '../../domain/paper/mt-claim';
import { paperRxno } from '../../domain/paper/paper-rxno';
import type { PaperFinding } from '../../domain/paper/paper-types';
import { SETTLES_WITH_STAY_REFUSAL, settlesWithStay } from '../../domain/settlement/inpatient-dual';
import type { Dispensing } from '../../store/dispensing-repository';
import type { PaperRecord } from '../../store/paper-repository';
import type { StoredPrescription } from '../../store/prescription-repository';
import type { ReviewRecord } from '../../store/review-repository';
import { verifiedImage } from '../paper/verified-image';
import { conflictFinding } from '../review/rx-conflict';
import type { SettlementContext } from './context';
import { factsOfReply } from './rx-facts';

/** A completed dispensing that may be settled now, with what its uploads need. */
export type Settleable =
  | {
      source: 'electronic';
      dispensing: Dispensing;
      /** What 2101/2102/3505 carry as rxno and settlements.hi_rxno stores. */
      rxno: string;
      review: ReviewRecord & { rxChkBizSn: string };
    }
  | { source: 'paper'; dispensing: Dispensing; rxno: string; paper: PaperRecord };

/**
 * Settlement only from a completed dispensing, never while another settlement of it is or may
 * be live (R-SETTLE, R-STATUS). An e-prescription must be verified and its passed review must
 * have reached the center (R-OPINION, R-SIGN); a paper prescription has neither, and must
 * instead be archived with its image intact and recorded as dispensed (R-PAPER-KEEP).
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
  const settleable =
    d.paperId === null ? electronic(ctx, d, d.hiRxno ?? '') : paper(ctx, d, d.paperId);
  const live = ctx.settlements.liveForDispensing(d.id);
  if (live) throw liveConflict(live.state, live.id);
  return settleable;
}

/**
 * An open dispensing of a reviewed e-prescription, for a 2101 estimate before every pack is
 * scanned: the same checks as settlement except completion. A paper prescription is settled
 * only from its completed dispensing (its archive record is written then).
 */
export function requireEstimable(ctx: SettlementContext, dispensingId: number): Settleable {
  const d = ctx.dispensings.get(dispensingId);
  if (!d) throw new AppError('NOT_FOUND', `没有调剂单 ${dispensingId}`);
  if (d.state === 'completed') {
    throw new AppError('CONFLICT', '调剂已完成，请直接医保预结算', { ruleId: 'R-SETTLE' });
  }
  if (d.state !== 'open') {
    throw new AppError(
      'POLICY',
      `调剂单状态为“${d.state === 'returned' ? '已退货' : '已取消'}”，不能估算费用`,
      { ruleId: 'R-SETTLE' },
    );
  }
  if (d.paperId !== null) {
    throw new AppError('POLICY', '纸质处方须在调剂完成、登记归档后再预结算', {
      ruleId: 'R-PAPER-KEEP',
    });
  }
  return electronic(ctx, d, d.hiRxno ?? '');
}

function electronic(ctx: SettlementContext, d: Dispensing, hiRxno: string): Settleable {
  const p = ctx.prescriptions.get(hiRxno);
  if (!p) throw new AppError('NOT_FOUND', `本机没有处方 ${hiRxno}`);
  const review = deliveredReview(ctx, p, '结算');
  const dualChannel = ctx.dispensings
    .lines(d.id)
    .some((l) => ctx.catalog.get(l.medListCodg)?.dualChannel === true);
  if (settlesWithStay(factsOfReply(p.reply as Out7204), dualChannel)) {
    throw new AppError('POLICY', SETTLES_WITH_STAY_REFUSAL, { ruleId: 'R-MT-SETTLE' });
  }
  return {
    source: 'electronic',
    dispensing: d,
    rxno: hiRxno,
    review,
  };
}

/**
 * An e-prescription may be sold only verified, valid, with no conflicting record, and with its
 * passed review delivered to the center (R-SIGN, R-VALID, R-STATUS, R-OPINION): the 7206's
 * rx_chk_biz_sn is what the sale's 7207 names. `verb` says what the refusal stops.
 */
export function deliveredReview(
  ctx: SettlementContext,
  p: StoredPrescription,
  verb: '结算' | '销售',
): ReviewRecord & { rxChkBizSn: string } {
  if (p.verification !== 'verified') {
    throw new AppError('POLICY', `处方电子签名验证未通过，不能${verb}`, { ruleId: 'R-SIGN' });
  }
  ctx.rxValidity.assertValid(p, '结算');
  const conflict = conflictFinding(ctx.db, p.hiRxno);
  if (conflict) throw new AppError('CONFLICT', conflict.message, { ruleId: 'R-STATUS' });
  const review = ctx.reviews.live(p.hiRxno);
  if (review?.result !== 'pass') {
    throw new AppError('POLICY', `处方未经药师审核通过，不能${verb}`, { ruleId: 'R-OPINION' });
  }
  if (!review.rxChkBizSn) {
    throw new AppError(
      'CONFLICT',
      `审方结果尚未送达医保中心（7206），送达后才能${verb}；请稍候或在上传队列中“立即发送”`,
      { ruleId: 'R-OPINION' },
    );
  }
  return { ...review, rxChkBizSn: review.rxChkBizSn };
}

function paper(ctx: SettlementContext, d: Dispensing, paperId: number): Settleable {
  const r = ctx.papers.get(paperId);
  if (!r) throw new AppError('NOT_FOUND', `没有第${paperId}号纸质处方`);
  if (isMtClaim(JSON.parse(r.warnings) as PaperFinding[])) {
    throw mtClaimFundRefusal(`第${paperId}号纸质处方`);
  }
  if (r.status !== 'dispensed') {
    throw new AppError('POLICY', `第${paperId}号纸质处方未登记为已调剂，不能结算`, {
      ruleId: 'R-SETTLE',
    });
  }
  verifiedImage(ctx.papers, r, ctx.log);
  ctx.rxValidity.assertPaperValid(r, '结算');
  return {
    source: 'paper',
    dispensing: d,
    rxno: paperRxno(r.institutionCode, r.serialNo),
    paper: r,
  };
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
