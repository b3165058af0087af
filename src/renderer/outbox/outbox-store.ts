import { create } from 'zustand';
import type { OutboxStatus } from '../../contract/types';
import { api, isUnauthenticated, toShape } from '../api';
import { useSessionStore } from '../stores/session-store';

interface OutboxState {
  status: OutboxStatus | null;
  /** When the status could not be read: the chip shows it rather than stale numbers. */
  error: string | null;
  refresh(): Promise<void>;
  reset(): void;
}

export const useOutboxStore = create<OutboxState>((set) => ({
  status: null,
  error: null,
  async refresh() {
    try {
      set({ status: await api.call('outbox.status', {}), error: null });
    } catch (err) {
      if (isUnauthenticated(err)) useSessionStore.getState().expire(toShape(err).message);
      else set({ error: toShape(err).message });
    }
  },
  reset: () => set({ status: null, error: null }),
}));
