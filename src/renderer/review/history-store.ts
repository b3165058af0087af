import { create } from 'zustand';
import type { HistoryView } from '../../contract/types-dispense';
import type { AppErrorShape } from '../../domain/errors';
import { api, isUnauthenticated, toShape } from '../api';
import { useSessionStore } from '../stores/session-store';

interface HistoryState {
  view: HistoryView | null;
  loading: boolean;
  error: AppErrorShape | null;
  /** R-HISTORY: earlier dispensings of the prescription's drugs and the risk warnings. */
  load(hiRxno: string): Promise<void>;
  reset(): void;
}

let latest = 0;

export const useHistoryStore = create<HistoryState>((set) => ({
  view: null,
  loading: false,
  error: null,

  async load(hiRxno) {
    const id = ++latest;
    set({ loading: true, error: null, view: null });
    try {
      const view = await api.call('history.forPrescription', { hiRxno });
      if (id === latest) set({ view, loading: false });
    } catch (err) {
      if (id !== latest) return;
      if (isUnauthenticated(err)) useSessionStore.getState().expire(toShape(err).message);
      set({ loading: false, error: toShape(err) });
    }
  },

  reset() {
    latest++;
    set({ view: null, loading: false, error: null });
  },
}));
