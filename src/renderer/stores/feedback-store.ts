import { create } from 'zustand';
import type { AppErrorShape } from '../../domain/errors';
import { beep } from '../feedback/beep';

/** The one message area of the counter: an error (red, error tone) or a notice (amber, warning tone). */
interface FeedbackState {
  error: AppErrorShape | null;
  notice: string | null;
  showError(error: AppErrorShape): void;
  showNotice(notice: string): void;
  clear(): void;
}

export const useFeedbackStore = create<FeedbackState>((set) => ({
  error: null,
  notice: null,
  showError(error) {
    set({ error, notice: null });
    beep('error');
  },
  showNotice(notice) {
    set({ error: null, notice });
    beep('warning');
  },
  clear() {
    set({ error: null, notice: null });
  },
}));
