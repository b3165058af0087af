import type { PrescriptionView } from '../../contract/types';
import { notReviewableReasons } from './review-verdict';

/** The one line the pharmacist must not miss: may this prescription go on to review and settlement? */
export function ReviewVerdict({ view }: { view: PrescriptionView }) {
  if (view.reviewable) {
    return (
      <div className="verdict verdict-ok" data-testid="rx-verdict" data-reviewable="true">
        ✓ 验签通过、版式一致，可进入审方
      </div>
    );
  }
  return (
    <div className="verdict verdict-block" data-testid="rx-verdict" data-reviewable="false">
      <div className="verdict-title">✗ 不可审核、不可结算</div>
      <ul className="verdict-reasons">
        {notReviewableReasons(view).map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </div>
  );
}
