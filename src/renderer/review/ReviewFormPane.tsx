import { Input } from 'antd';
import type { KeyboardEvent } from 'react';
import type { ReviewStart } from '../../contract/types-review';
import { DualChannelChecks } from './DualChannelChecks';
import { LayoutConfirmations } from './LayoutConfirmations';
import { OpinionPhrases } from './OpinionPhrases';
import { phraseOfKey, withPhrase } from './opinion-phrases';
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
  const insert = (phrase: string) => {
    const store = useReviewStore.getState();
    store.setForm({ opinion: withPhrase(store.form.opinion, phrase) });
    document.getElementById('review-opinion')?.focus();
  };
  const onKeyDown = (ev: KeyboardEvent<HTMLDivElement>) => {
    const phrase = phraseOfKey(ev);
    if (!phrase) return;
    ev.preventDefault();
    insert(phrase);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: catches Ctrl+Shift+digit from any field of the form
    <div className="review-form" data-testid="review-form" onKeyDown={onKeyDown}>
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
      <OpinionPhrases onPick={insert} />
      {result === 'reject' && <SuspectChoice />}
      {start.layoutUnread.length > 0 && <LayoutConfirmations start={start} />}
      {needsDualChannel(start) && <DualChannelChecks start={start} />}
      <VoucherPrompt start={start} />
    </div>
  );
}
