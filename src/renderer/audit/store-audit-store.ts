import { create } from 'zustand';
import type { StoreAuditListView } from '../../contract/types-audit';
import { addDays, beijingDate } from '../../domain/calendar';
import type { AppErrorShape } from '../../domain/errors';
import { api } from '../api';
import { busyCall } from '../stores/busy-call';
import { useSessionStore } from '../stores/session-store';

export const STORE_AUDIT_PAGE_SIZE = 50;

/** The filters of the store-wide trail: Beijing dates, one counter and one action (empty: all). */
export interface StoreAuditFilters {
  from: string;
  to: string;
  counterId: string;
  action: string;
}

interface StoreAuditState {
  /** A counter of a store (store.link) offers the 全店 view; a single counter does not. */
  storeMode: boolean;
  view: 'counter' | 'store';
  filters: StoreAuditFilters;
  page: number;
  list: StoreAuditListView | null;
  busy: boolean;
  error: AppErrorShape | null;
  loadMode(): Promise<void>;
  setView(view: 'counter' | 'store'): void;
  setFilters(filters: Partial<StoreAuditFilters>): void;
  /** Reads one page (default: the first, after a filter change) from the store server. */
  refresh(page?: number): Promise<void>;
  reset(): void;
}

const lastWeek = (): StoreAuditFilters => {
  const today = beijingDate(new Date());
  return { from: addDays(today, -6), to: today, counterId: '', action: '' };
};

/**
 * 审计日志 → 全店 (issue 17, R-KEEP): every counter's entries as the store server keeps them, newest
 * first; the details were masked at the counter that wrote them and are shown as they came.
 */
export const useStoreAuditStore = create<StoreAuditState>((set, get) => ({
  storeMode: false,
  view: 'counter',
  filters: lastWeek(),
  page: 1,
  list: null,
  busy: false,
  error: null,
  async loadMode() {
    try {
      const link = await api.call('store.link', {});
      set({ storeMode: link.mode === 'counter' });
    } catch {
      set({ storeMode: false });
    }
  },
  setView(view) {
    if (view === get().view) return;
    set({ view, error: null });
    if (view === 'store') void get().refresh(1);
  },
  setFilters: (filters) => set({ filters: { ...get().filters, ...filters } }),
  async refresh(page = 1) {
    const { from, to, counterId, action } = get().filters;
    const list = await busyCall(set, () =>
      api.call('audit.store', {
        from,
        to,
        page,
        pageSize: STORE_AUDIT_PAGE_SIZE,
        ...(counterId.trim() ? { counterId: counterId.trim() } : {}),
        ...(action ? { action } : {}),
      }),
    );
    if (list) set({ list, page });
  },
  reset: () =>
    set({ view: 'counter', filters: lastWeek(), page: 1, list: null, busy: false, error: null }),
}));

/** The trail is not left open for the next staff member. */
useSessionStore.subscribe((s, prev) => {
  if (s.session !== prev.session) useStoreAuditStore.getState().reset();
});
