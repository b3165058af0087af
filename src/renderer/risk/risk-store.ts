import { create } from 'zustand';
import type { RiskSignal } from '../../contract/types-risk';
import type { AppErrorShape } from '../../domain/errors';
import { api, isUnauthenticated, toShape } from '../api';
import { onPageChange } from '../navigation/navigation-store';
import { useSessionStore } from '../stores/session-store';
import { lastDays } from './risk-period';

interface RiskState {
  from: string;
  to: string;
  /** The quick period chosen, or null for dates typed in. */
  quickDays: number | null;
  signals: RiskSignal[];
  /** Index of the selected card (↑↓). */
  selected: number;
  /** The card whose drill-down is shown (Enter). */
  expanded: string | null;
  busy: boolean;
  error: AppErrorShape | null;
  setDates(from: string, to: string): void;
  quick(days: number): Promise<void>;
  load(): Promise<void>;
  move(delta: number): void;
  toggleExpanded(): void;
}

/** 风险信号 (Alt+I): the six R-RISK signals over a period, with their drill-downs. */
export const useRiskStore = create<RiskState>((set, get) => ({
  ...lastDays(30, new Date()),
  quickDays: 30,
  signals: [],
  selected: 0,
  expanded: null,
  busy: false,
  error: null,
  setDates: (from, to) => set({ from, to, quickDays: null }),
  async quick(days) {
    set({ ...lastDays(days, new Date()), quickDays: days });
    await get().load();
  },
  async load() {
    const { from, to } = get();
    set({ busy: true, error: null });
    try {
      const signals = await api.call('risk.signals', { from, to });
      set({ busy: false, signals, selected: 0, expanded: null });
    } catch (err) {
      if (isUnauthenticated(err)) useSessionStore.getState().expire(toShape(err).message);
      set({ busy: false, error: toShape(err), signals: [] });
    }
  },
  move(delta) {
    const n = get().signals.length;
    if (n === 0) return;
    set({ selected: (get().selected + delta + n) % n });
  },
  toggleExpanded() {
    const s = get().signals[get().selected];
    if (!s) return;
    set({ expanded: get().expanded === s.id ? null : s.id });
  },
}));

/** Each opening shows the last 30 days afresh; closing forgets the signals. */
onPageChange('risk', {
  opened() {
    useRiskStore.setState({ ...lastDays(30, new Date()), quickDays: 30 });
    void useRiskStore.getState().load();
  },
  closed: () => useRiskStore.setState({ expanded: null, signals: [], error: null }),
});
