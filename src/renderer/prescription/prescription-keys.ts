import { useDispenseStore } from '../dispense/dispense-store';
import { CHECKS_FOLD_KEY, LAYOUT_FOLD_KEY, RX_SELF_PAY_KEY } from '../keyboard/function-keys';
import { useReviewStore } from '../review/review-store';
import { usePrescriptionStore } from './prescription-store';
import { useRxSelfPayStore } from './rx-self-pay-store';
import { useSectionFolds } from './section-folds';

/**
 * F6 review panel, Shift+F6 re-verify, F7 start dispensing, Alt+Shift+Z 自费结算: on the open
 * prescription only, and none while the 自费结算 dialog is open.
 */
export function onPrescriptionKey(chord: string): void {
  const view = usePrescriptionStore.getState().view;
  const hiRxno = view?.hiRxno;
  if (!view || !hiRxno) return;
  if (useRxSelfPayStore.getState().hiRxno) return;
  if (chord === RX_SELF_PAY_KEY) void useRxSelfPayStore.getState().open(view);
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

/** Esc closes the 自费结算 dialog, else the review panel, else the prescription (back to the counter). */
export function onPrescriptionEscape(): void {
  if (useRxSelfPayStore.getState().hiRxno) useRxSelfPayStore.getState().close();
  else if (useReviewStore.getState().hiRxno) useReviewStore.getState().closePanel();
  else usePrescriptionStore.getState().close();
}
