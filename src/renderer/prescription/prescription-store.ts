import { create } from 'zustand';
import type { PrescriptionView } from '../../contract/types';
import { api } from '../api';
import { useDispenseStore } from '../dispense/dispense-store';
import { beep } from '../feedback/beep';
import { locationOf, useNavigation } from '../navigation/navigation-store';
import { useReviewStore } from '../review/review-store';
import { useFeedbackStore } from '../stores/feedback-store';
import { reportFailure } from '../stores/report-failure';
import { useUiStore } from '../stores/ui-store';

interface PrescriptionState {
  view: PrescriptionView | null;
  /** rx.get in flight (open by number, Shift+F6, after a region switch). */
  loading: boolean;
  /** Shows a freshly downloaded or re-read prescription on the prescription screen. */
  show(view: PrescriptionView): void;
  open(hiRxno: string): Promise<void>;
  /** Re-reads and re-evaluates the open prescription (signature, 7205, policy, layout). */
  refresh(): Promise<void>;
  /** Re-reads the open prescription's live status after an action, without a beep. */
  reloadLive(): Promise<void>;
  close(): void;
}

let latest = 0;

function announce(view: PrescriptionView): void {
  beep(view.reviewable ? 'success' : 'error');
}

export const usePrescriptionStore = create<PrescriptionState>((set, get) => ({
  view: null,
  loading: false,

  show(view) {
    latest++;
    if (useReviewStore.getState().hiRxno !== view.hiRxno) useReviewStore.getState().closePanel();
    useDispenseStore.getState().reset();
    set({ view, loading: false });
    useFeedbackStore.getState().clear();
    const ui = useUiStore.getState();
    ui.setOverlay(null);
    useNavigation.getState().go('prescription');
    announce(view);
  },

  async open(hiRxno) {
    const id = ++latest;
    set({ loading: true });
    try {
      const view = await api.call('rx.get', { hiRxno });
      if (id === latest) get().show(view);
    } catch (err) {
      if (id !== latest) return;
      set({ loading: false });
      reportFailure(err);
    }
  },

  async refresh() {
    const current = get().view;
    if (!current || get().loading) return;
    const id = ++latest;
    set({ loading: true });
    useFeedbackStore.getState().clear();
    try {
      const view = await api.call('rx.get', { hiRxno: current.hiRxno });
      if (id !== latest) return;
      set({ view, loading: false });
      announce(view);
    } catch (err) {
      if (id !== latest) return;
      set({ loading: false });
      reportFailure(err);
    }
  },

  async reloadLive() {
    const current = get().view;
    if (!current) return;
    const id = ++latest;
    try {
      const view = await api.call('rx.get', { hiRxno: current.hiRxno });
      if (id === latest && get().view?.hiRxno === view.hiRxno) set({ view });
    } catch {
      // the status stays as last read; the action's own screen reported its failure
    }
  },

  close() {
    latest++;
    useReviewStore.getState().closePanel();
    useDispenseStore.getState().reset();
    set({ view: null, loading: false });
    useNavigation.getState().go('counter');
  },
}));

// Back on the prescription (from dispensing, settlement or a page such as the refund lookup),
// its live status is read again, so the header never shows a step already taken.
useNavigation.subscribe((now, before) => {
  if (locationOf(now) === 'prescription' && locationOf(before) !== 'prescription')
    void usePrescriptionStore.getState().reloadLive();
});

// A review just submitted (pass or reject) changes what the header says and highlights.
useReviewStore.subscribe((now, before) => {
  if (now.review && now.review !== before.review) void usePrescriptionStore.getState().reloadLive();
});
