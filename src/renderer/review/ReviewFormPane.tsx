import { Input } from 'antd';
import type { ReviewStart } from '../../contract/types-review';
import { DualChannelChecks } from './DualChannelChecks';
import { LayoutConfirmations } from './LayoutConfirmations';
import { ReviewResultChoice } from './ReviewResultChoice';
import { needsDualChannel } from './review-form';
import { useReviewStore } from './review-store';
import { SuspectChoice } from './SuspectChoice';
import { VoucherPrompt } from './VoucherPrompt';

/** Result, written opinion (R-OPINION), dual-channel checks, then the pharmacist's own e-voucher. */
export function ReviewFormPane({ start }: { start: ReviewStart }) {
  const opinion = useReviewStore((s) => s.form.opinion);
  const result = useReviewStore((s) => s.form.result);
  const min = result ? start.opinionMinLength[result] : 0;
  return (
    <div className="review-form" data-testid="review-form">
      <ReviewResultChoice start={start} />
      <label className="review-label" htmlFor="review-opinion">
        审核意见{min > 0 && <span className="hint">至少 {min} 个字</span>}
      </label>
      <Input.TextArea
        id="review-opinion"
        data-testid="review-opinion"
        rows={3}
        maxLength={2000}
        showCount
        value={opinion}
        onChange={(e) => useReviewStore.getState().setForm({ opinion: e.target.value })}
        placeholder="如：处方合理，用法用量适宜，无配伍禁忌"
        className="review-opinion"
      />
      {result === 'reject' && <SuspectChoice />}
      {start.layoutUnread.length > 0 && <LayoutConfirmations start={start} />}
      {needsDualChannel(start) && <DualChannelChecks start={start} />}
      <VoucherPrompt start={start} />
    </div>
  );
}
