import { create } from 'zustand';
import type { AuditEntryView, AuditVerifyView } from '../../contract/types-audit';
import type { RxReverifySummary } from '../../contract/types-reverify';
import { addDays, beijingDate } from '../../domain/calendar';
import type { AppErrorShape } from '../../domain/errors';
import { api, toShape } from '../api';
import { backgroundCall, busyCall } from '../stores/busy-call';
import { useFeedbackStore } from '../stores/feedback-store';
import { useSessionStore } from '../stores/session-store';

const RECENT_DAYS = 30;

/** yyyy-MM-dd in Beijing time, `daysAgo` days before today. */
const daysBack = (daysAgo: number) => addDays(beijingDate(new Date()), -daysAgo);

interface AuditState {
  open: boolean;
  entries: AuditEntryView[];
  total: number;
  verdict: AuditVerifyView | null;
  /** The last re-verification of every stored prescription (R-SIGN), while the panel is open. */
  reverified: RxReverifySummary | null;
  busy: boolean;
  error: AppErrorShape | null;
  /** A printed slip's `<seq>:<hash>` to check against (链尾凭条); empty: none. */
  witnessText: string;
  setWitnessText(text: string): void;
  toggle(): void;
  close(): void;
  refresh(): Promise<void>;
  verify(): Promise<void>;
  reverifyAll(): Promise<void>;
  /** Shows a staff member who may not read the log the service's own refusal and reason. */
  explainRefusal(): Promise<void>;
}

/** The audit-log panel (Alt+L): recent entries, masked, and the chain verdict (R-KEEP). */
export const useAuditStore = create<AuditState>((set, get) => ({
  open: false,
  entries: [],
  total: 0,
  verdict: null,
  reverified: null,
  busy: false,
  error: null,
  witnessText: '',
  setWitnessText: (witnessText) => set({ witnessText }),
  toggle() {
    if (get().open) get().close();
    else {
      set({ open: true, verdict: null, reverified: null, error: null, witnessText: '' });
      void get().refresh();
    }
  },
  close: () => set({ open: false, entries: [], verdict: null, reverified: null }),
  /** In the background: Enter pressed while the list loads must still verify. */
  async refresh() {
    const page = await backgroundCall(set, () =>
      api.call('audit.list', { from: daysBack(RECENT_DAYS), to: daysBack(0), pageSize: 100 }),
    );
    if (page) set({ entries: page.entries, total: page.total });
  },
  async verify() {
    if (get().busy) return;
    const witness = get().witnessText.trim();
    const verdict = await busyCall(set, () => api.call('audit.verify', witness ? { witness } : {}));
    if (!verdict) return;
    set({ verdict });
    await get().refresh();
  },
  async reverifyAll() {
    if (get().busy) return;
    const reverified = await busyCall(set, () => api.call('rx.reverifyAll', {}), {
      reverified: null,
    });
    if (!reverified) return;
    set({ reverified });
    await get().refresh();
  },
  async explainRefusal() {
    try {
      await api.call('audit.list', { from: daysBack(0), to: daysBack(0), pageSize: 1 });
      // The service let this staff member read after all: open the panel as usual.
      get().toggle();
    } catch (err) {
      useFeedbackStore.getState().showError(toShape(err));
    }
  },
}));

/** The panel closes when the staff member changes: the log is not left open for the next one. */
useSessionStore.subscribe((s, prev) => {
  if (s.session !== prev.session) useAuditStore.getState().close();
});
