import { Spin } from 'antd';
import type { ReactNode } from 'react';
import type { ReviewStart } from '../../contract/types-review';
import { ErrorAlert } from '../components/ErrorAlert';
import { useShiftStore } from '../shift/shift-store';
import { useSessionStore } from '../stores/session-store';
import { HistoryPane } from './HistoryPane';
import { ReviewFormPane } from './ReviewFormPane';
import { ReviewLocked } from './ReviewLocked';
import { ReviewOutcome } from './ReviewOutcome';
import { useReviewStore } from './review-store';
import { UsageWarnings } from './UsageWarnings';

/** The rule behind a refusal to review: the one the reason names, else who may review, else the findings. */
function lockedRule(start: ReviewStart, mayReviewAsPerson: boolean): string {
  const named = /R-[A-Z]+(?:-[A-Z]+)*/.exec(start.canSubmit.reason ?? '')?.[0];
  if (named) return named;
  if (!mayReviewAsPerson) return 'R-PHARMACIST';
  return start.findings.find((f) => f.severity === 'block')?.ruleId ?? 'R-CHECKS';
}

function ReviewBody({ start }: { start: ReviewStart }) {
  const review = useReviewStore((s) => s.review);
  const waiting = useReviewStore((s) => s.isWaitingForVoucher());
  const role = useSessionStore((s) => s.session?.staff.role);
  const onDuty = useShiftStore((s) => s.status?.mine != null);
  const locked = !start.canSubmit.pass && !start.canSubmit.reject;
  return (
    <>
      <UsageWarnings start={start} />
      {review && <ReviewOutcome review={review} />}
      {locked && (!review || role !== 'pharmacist') && (
        <ReviewLocked
          reason={start.canSubmit.reason ?? '当前不能审方'}
          ruleId={lockedRule(start, role === 'pharmacist' && onDuty)}
        />
      )}
      {waiting && <ReviewFormPane start={start} />}
    </>
  );
}

/**
 * F6 on the prescription screen: the review (审方) beside the prescribed drugs (`beside`) and
 * the patient's history and risks.
 */
export function ReviewPanel({ beside }: { beside?: ReactNode }) {
  const hiRxno = useReviewStore((s) => s.hiRxno);
  const start = useReviewStore((s) => s.start);
  const loading = useReviewStore((s) => s.loading);
  const error = useReviewStore((s) => s.error);
  const waiting = useReviewStore((s) => s.isWaitingForVoucher());
  if (!hiRxno) return null;
  return (
    <section
      className="review-panel"
      data-testid="review-panel"
      data-waiting={waiting}
      aria-label="审方"
    >
      <div className="rx-pane review-pane">
        <h3 className="pane-title">
          审方 <span className="hint">Esc 关闭 · F6 收起</span>
        </h3>
        {loading && (
          <div className="loading">
            <Spin /> 正在读取审方信息…
          </div>
        )}
        {error && <ErrorAlert error={error} testId="review-error" />}
        {start && <ReviewBody start={start} />}
      </div>
      <div className="review-side">
        {beside}
        <HistoryPane />
      </div>
    </section>
  );
}
