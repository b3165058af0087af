import { create } from 'zustand';
import type { ApiInput } from '../../contract/contract';
import type {
  PaperCheckResult,
  PaperDrugOption,
  PaperExportResult,
  PaperImageView,
  PaperListItem,
  PaperSearchResult,
  PaperView,
} from '../../contract/types-paper';
import type { AppErrorShape } from '../../domain/errors';
import { api } from '../api';
import { useDispenseStore } from '../dispense/dispense-store';
import { useNavigation } from '../navigation/navigation-store';
import { busyCall } from '../stores/busy-call';
import { useMtClaimStore } from './mt-claim-store';

export type PaperFieldsInput = ApiInput<'paper.check'>;
export type PaperSearchInput = ApiInput<'paper.search'>;

interface PaperState {
  drugs: PaperDrugOption[];
  busy: boolean;
  error: AppErrorShape | null;
  check: PaperCheckResult | null;
  saved: PaperView | null;
  results: PaperSearchResult | null;
  query: PaperSearchInput;
  preview: PaperImageView | null;
  exported: PaperExportResult | null;
  /** The search row the keyboard acts on (Enter / Alt+D dispenses it). */
  selectedId: number | null;
  loadDrugs(): Promise<void>;
  runCheck(fields: PaperFieldsInput): Promise<void>;
  capture(fields: PaperFieldsInput, imageBase64: string): Promise<PaperView | null>;
  search(query: PaperSearchInput): Promise<void>;
  showImage(id: number): Promise<void>;
  exportRange(from: string, to: string): Promise<void>;
  resetCapture(): void;
  select(id: number | null): void;
  /** Moves the selection through the shown results (ArrowUp -1, ArrowDown +1). */
  moveSelection(step: -1 | 1): void;
  /** 调剂: opens (or resumes) the dispensing of a captured paper prescription (R-PAPER-*). */
  dispense(id: number): Promise<void>;
  dispenseSelected(): Promise<void>;
  /** 药师确认 of a cashier's capture (R-PHARMACIST); the search row shows the new state. */
  confirm(id: number): Promise<boolean>;
  /** 药师退回 with a reason (R-PHARMACIST). */
  reject(id: number, reason: string): Promise<boolean>;
}

const attempt = <T>(set: (s: Partial<PaperState>) => void, run: () => Promise<T>) =>
  busyCall(set, run);

/** A confirmed, captured record, or one whose dispensing is still open (it resumes). */
export const dispensable = (i: PaperListItem) =>
  i.status === 'captured' &&
  i.confirmation.state === 'confirmed' &&
  (i.sale === null || i.sale.dispensingState !== 'completed');

/** A cashier's capture a pharmacist has still to confirm or send back (R-PHARMACIST). */
export const awaitingPharmacist = (i: PaperListItem) => i.confirmation.state === 'pending';

/** The paper-prescription screen (Alt+P): capture, checks, archive search, export. */
export const usePaperStore = create<PaperState>((set, get) => ({
  drugs: [],
  busy: false,
  error: null,
  check: null,
  saved: null,
  results: null,
  query: { page: 1, pageSize: 10 },
  preview: null,
  exported: null,
  selectedId: null,
  async loadDrugs() {
    if (get().drugs.length) return;
    const drugs = await attempt(set, () => api.call('paper.drugs', {}));
    if (drugs) set({ drugs });
  },
  async runCheck(fields) {
    const check = await attempt(set, () => api.call('paper.check', fields));
    set({ check, saved: null });
  },
  async capture(fields, imageBase64) {
    const saved = await attempt(set, () => api.call('paper.capture', { ...fields, imageBase64 }));
    if (saved) {
      set({ saved, check: null });
      useMtClaimStore.getState().open(saved);
      void get().search({ ...get().query, page: 1 });
    } else {
      const detail = get().error?.detail;
      if (detail?.startsWith('{')) set({ check: JSON.parse(detail) as PaperCheckResult });
    }
    return saved;
  },
  async search(query) {
    const results = await attempt(set, () => api.call('paper.search', query));
    if (!results) return;
    const kept = results.items.some((i) => i.id === get().selectedId);
    set({ results, query, selectedId: kept ? get().selectedId : (results.items[0]?.id ?? null) });
  },
  async showImage(id) {
    const preview = await attempt(set, () => api.call('paper.image', { id }));
    set({ preview });
  },
  async exportRange(from, to) {
    const exported = await attempt(set, () => api.call('paper.export', { from, to }));
    set({ exported });
  },
  resetCapture: () => set({ check: null, saved: null, error: null, preview: null }),
  select: (selectedId) => set({ selectedId }),
  moveSelection(step) {
    const items = get().results?.items ?? [];
    if (items.length === 0) return;
    const at = items.findIndex((i) => i.id === get().selectedId);
    const next = at < 0 ? 0 : Math.min(items.length - 1, Math.max(0, at + step));
    set({ selectedId: items[next]?.id ?? null });
  },
  async dispense(id) {
    const view = await attempt(set, () => api.call('dispense.startPaper', { paperId: id }));
    if (!view && get().error?.ruleId === 'R-MT-CLAIM') {
      // A 门特 self-pay purchase is sold on this page, not dispensed for the fund.
      const paper = await attempt(set, () => api.call('paper.get', { id }));
      if (paper) useMtClaimStore.getState().open(paper);
      return;
    }
    if (!view) return;
    useNavigation.getState().close('paper');
    useDispenseStore.getState().show(view);
  },
  async confirm(id) {
    const done = await attempt(set, () => api.call('paper.confirm', { id }));
    if (done) await get().search(get().query);
    return done !== null;
  },
  async reject(id, reason) {
    const done = await attempt(set, () => api.call('paper.reject', { id, reason }));
    if (done) await get().search(get().query);
    return done !== null;
  },
  async dispenseSelected() {
    const id = get().selectedId;
    const item = get().results?.items.find((i) => i.id === id);
    if (item && dispensable(item)) await get().dispense(item.id);
  },
}));
