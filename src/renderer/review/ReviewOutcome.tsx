import { Tag } from 'antd';
import { useEffect } from 'react';
import type { ReviewView } from '../../contract/types-review';
import { useReviewStore } from './review-store';

const POLL_MS = 2000;

const UPLOAD_TEXT = { queued: '排队中', delivered: '已上传', parked: '已搁置' } as const;
const UPLOAD_COLOR = { queued: 'processing', delivered: 'success', parked: 'error' } as const;

function UploadState({ review }: { review: ReviewView }) {
  const { upload } = review;
  return (
    <div className="review-upload" data-testid="review-upload" data-state={upload.state}>
      <span>审方结果上传（7206）：</span>
      <Tag color={UPLOAD_COLOR[upload.state]} className="status-tag">
        {UPLOAD_TEXT[upload.state]}
      </Tag>
      {upload.rxChkBizSn && (
        <span>
          审核业务流水号{' '}
          <span className="mono" data-testid="review-biz-sn">
            {upload.rxChkBizSn}
          </span>
        </span>
      )}
      {upload.state !== 'delivered' && upload.attempts > 0 && (
        <span className="hint">已尝试 {upload.attempts} 次</span>
      )}
      {upload.lastError && (
        <div className={upload.state === 'parked' ? 'bad-text' : 'warn-text'}>
          {upload.state === 'parked' ? '搁置原因：' : '最近错误：'}
          {upload.lastError}
        </div>
      )}
    </div>
  );
}

/** The recorded review and, polled while queued, where its 7206 upload stands. */
export function ReviewOutcome({ review }: { review: ReviewView }) {
  const queued = review.upload.state === 'queued';
  useEffect(() => {
    if (!queued) return;
    const id = window.setInterval(() => void useReviewStore.getState().refreshUpload(), POLL_MS);
    return () => window.clearInterval(id);
  }, [queued]);
  const passed = review.result === 'pass';
  return (
    <section
      className={`review-outcome ${passed ? 'is-pass' : 'is-reject'}`}
      data-testid="review-outcome"
      data-result={review.result}
      aria-live="polite"
    >
      <div className="review-outcome-title">
        {passed ? '✓' : '✗'} {review.resultLabel}
      </div>
      <div>
        审方药师 {review.reviewer.name}（
        <span className="mono">{review.reviewer.pharmacistCode}</span>
        ）· {review.reviewedAt}
      </div>
      <div className="review-outcome-opinion" data-testid="review-outcome-opinion">
        审核意见：{review.opinion}
      </div>
      {review.dualChannel && (
        <div data-testid="review-dual-registered">
          双通道已登记：身份、处方、病历已核验 · {review.dualChannel.note}
        </div>
      )}
      {review.layoutConfirmation?.confirmedAt && (
        <div data-testid="review-layout-confirmed">
          版式未读出内容已由 {review.layoutConfirmation.confirmedBy} 于{' '}
          {review.layoutConfirmation.confirmedAt} 对照确认：
          {review.layoutConfirmation.confirmedGroups.join('、')}
        </div>
      )}
      <UploadState review={review} />
      {passed && (
        <div className="hint">
          按 <kbd>F7</kbd> 开始调剂发药
        </div>
      )}
    </section>
  );
}
