import { create } from 'zustand';
import type { OutboxStatus } from '../../contract/types';
import { api, isUnauthenticated, onCallSettled, toShape } from '../api';
import { useSessionStore } from '../stores/session-store';

const AFTER_CALL_MS = 300;

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

// What a call queued, or a failure of the center it met, shows on the chip and the 医保中心离线
// banner right after it rather than at the next poll (one re-read for a burst of calls).
let soon: ReturnType<typeof setTimeout> | null = null;
onCallSettled((method) => {
  if (method === 'outbox.status' || soon !== null || !useSessionStore.getState().session) return;
  soon = setTimeout(() => {
    soon = null;
    void useOutboxStore.getState().refresh();
  }, AFTER_CALL_MS);
});
