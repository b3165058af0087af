import type { RxDrugLineView } from '../../contract/types';
import { DrugLines } from './DrugLines';

/** The prescribed drugs beside the review form, so the opinion is written with them in view. */
export function ReviewDrugs({ lines }: { lines: RxDrugLineView[] }) {
  return (
    <section className="rx-pane review-drugs" aria-label="处方药品" data-testid="review-drugs">
      <h3 className="pane-title">处方药品</h3>
      <DrugLines lines={lines} />
    </section>
  );
}
