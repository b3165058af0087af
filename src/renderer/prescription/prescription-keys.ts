import { useDispenseStore } from '../dispense/dispense-store';
import { CHECKS_FOLD_KEY, LAYOUT_FOLD_KEY } from '../keyboard/function-keys';
import { useReviewStore } from '../review/review-store';
import { usePrescriptionStore } from './prescription-store';
import { useSectionFolds } from './section-folds';

/** F6 review panel, Shift+F6 re-verify, F7 start dispensing: on the open prescription only. */
export function onPrescriptionKey(chord: string): void {
  const hiRxno = usePrescriptionStore.getState().view?.hiRxno;
  if (!hiRxno) return;
  if (chord === 'Shift+F6') void usePrescriptionStore.getState().refresh();
  if (chord === 'F6') {
    const review = useReviewStore.getState();
    if (review.hiRxno) review.closePanel();
    else void review.openPanel(hiRxno);
  }
  if (chord === 'F7') void useDispenseStore.getState().start(hiRxno);
  if (chord === LAYOUT_FOLD_KEY) useSectionFolds.getState().toggle('layout');
  if (chord === CHECKS_FOLD_KEY) useSectionFolds.getState().toggle('checks');
}

/** Esc closes the review panel, else the prescription (back to the counter). */
export function onPrescriptionEscape(): void {
  if (useReviewStore.getState().hiRxno) useReviewStore.getState().closePanel();
  else usePrescriptionStore.getState().close();
}
