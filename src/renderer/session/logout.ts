import { useFeedbackStore } from '../stores/feedback-store';
import { useSessionStore } from '../stores/session-store';

/** Logs out; when the backend refuses (e.g. undelivered uploads need a human) says why in Chinese. */
export async function logoutWithFeedback(): Promise<void> {
  const refusal = await useSessionStore.getState().logout();
  if (refusal) useFeedbackStore.getState().showError(refusal);
}
