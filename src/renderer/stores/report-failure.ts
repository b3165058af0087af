import { isUnauthenticated, toShape } from '../api';
import { useFeedbackStore } from './feedback-store';
import { useSessionStore } from './session-store';

/** Shows a failed call in the message area; an expired session ends instead. */
export function reportFailure(err: unknown): void {
  const shape = toShape(err);
  if (isUnauthenticated(err)) useSessionStore.getState().expire(shape.message);
  else useFeedbackStore.getState().showError(shape);
}
