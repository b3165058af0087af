import { Radio } from 'antd';
import { useEffect, useRef } from 'react';
import type { ReviewResult, ReviewStart } from '../../contract/types-review';
import { useReviewStore } from './review-store';

const RESULTS: readonly ReviewResult[] = ['pass', 'reject'];

/** Pass or reject; ←/→ switch, the first choice takes the focus when the panel opens. */
export function ReviewResultChoice({ start }: { start: ReviewStart }) {
  const result = useReviewStore((s) => s.form.result);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLInputElement>('input[type=radio]:not(:disabled)')?.focus();
  }, []);
  return (
    <div ref={ref}>
      <Radio.Group
        size="large"
        optionType="button"
        buttonStyle="solid"
        value={result}
        onChange={(e) =>
          useReviewStore.getState().setForm({ result: e.target.value as ReviewResult })
        }
        data-testid="review-result"
        aria-label="审核结果"
      >
        {RESULTS.map((r) => (
          <Radio.Button
            key={r}
            value={r}
            disabled={!start.canSubmit[r]}
            data-testid={`review-result-${r}`}
            className={`review-result review-result-${r}`}
          >
            {start.resultLabels[r]}
          </Radio.Button>
        ))}
      </Radio.Group>
    </div>
  );
}
