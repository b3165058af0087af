import { create } from 'zustand';
import type { ReceiptView, SettlementLookupRow } from '../../contract/types-settlement';
import { addDays, beijingDate } from '../../domain/calendar';
import type { AppErrorShape } from '../../domain/errors';
import { api, isUnauthenticated, toShape } from '../api';
import { onPageChange } from '../navigation/navigation-store';
import { useSessionStore } from '../stores/session-store';
import { lookupInputOf } from './lookup-query';

/** The receipt shown beside the results: a 补打 of the original, or the refund slip. */
export interface ShownReceipt {
  kind: 'reprint' | 'refundSlip';
  view: ReceiptView;
}

interface LookupState {
  text: string;
  from: string;
  to: string;
  rows: SettlementLookupRow[];
  /** Whether a search ran (an empty result says so). */
  searched: boolean;
  selected: number;
  busy: boolean;
  error: AppErrorShape | null;
  receipt: ShownReceipt | null;
  refundOpen: boolean;
  setText(text: string): void;
  setDates(from: string, to: string): void;
  search(): Promise<void>;
  move(delta: number): void;
  reprint(): Promise<void>;
  openRefund(): void;
  closeRefund(): void;
  refund(reason: string): Promise<boolean>;
}

const today = () => beijingDate(new Date());
const initial = () => ({
  text: '',
  from: addDays(today(), -6),
  to: today(),
  rows: [],
  searched: false,
  selected: 0,
  busy: false,
  error: null,
  receipt: null,
  refundOpen: false,
});

function failed(err: unknown): { busy: false; error: AppErrorShape } {
  if (isUnauthenticated(err)) useSessionStore.getState().expire(toShape(err).message);
  return { busy: false, error: toShape(err) };
}

/** 结算查询 (Alt+H): a past settlement, then 退费 (Alt+Y) or 补打凭证 (Shift+F5). */
export const useLookupStore = create<LookupState>((set, get) => ({
  ...initial(),
  setText: (text) => set({ text }),
  setDates: (from, to) => set({ from, to }),
  async search() {
    const { text, from, to } = get();
    if (text.trim() === '') return;
    set({ busy: true, error: null, receipt: null });
    try {
      const rows = await api.call('settlement.find', lookupInputOf(text, from, to));
      set({ busy: false, rows, searched: true, selected: 0 });
    } catch (err) {
      set({ ...failed(err), rows: [], searched: true });
    }
  },
  move(delta) {
    const n = get().rows.length;
    if (n > 0) set({ selected: (get().selected + delta + n) % n, receipt: null });
  },
  async reprint() {
    const row = get().rows[get().selected];
    if (!row?.canReprint) return;
    set({ busy: true, error: null });
    try {
      const view =
        row.settlementId === null
          ? await api.call('receipt.get', { saleId: row.selfPaySaleId ?? 0, format: 'thermal80' })
          : await api.call('receipt.reprint', {
              settlementId: row.settlementId,
              format: 'thermal80',
            });
      set({ busy: false, receipt: { kind: 'reprint', view } });
    } catch (err) {
      set(failed(err));
    }
  },
  openRefund() {
    if (get().rows[get().selected]?.canRefund) set({ refundOpen: true, error: null });
  },
  closeRefund: () => set({ refundOpen: false }),
  async refund(reason) {
    const row = get().rows[get().selected];
    if (!row) return false;
    if (row.settlementId === null) return refundSelfPay(row.selfPaySaleId ?? 0, reason);
    const settlementId = row.settlementId;
    set({ busy: true, error: null });
    try {
      const s = await api.call('refund.start', { settlementId, reason });
      const rows = row.setlId ? await api.call('settlement.find', { setlId: row.setlId }) : [];
      const next = get().rows.map(
        (r) => rows.find((x) => x.settlementId !== null && x.settlementId === r.settlementId) ?? r,
      );
      const receipt =
        s.state === 'refunded'
          ? {
              kind: 'refundSlip' as const,
              view: await api.call('receipt.refundSlip', {
                settlementId,
                format: 'thermal80',
              }),
            }
          : null;
      set({ busy: false, rows: next, refundOpen: false, receipt });
      return true;
    } catch (err) {
      set(failed(err));
      return false;
    }
  },
}));

/** D45: 退费 of a 自费结算 of an e-prescription: cash back, then its receipt marked 已退费. */
async function refundSelfPay(saleId: number, reason: string): Promise<boolean> {
  const { set, get } = { set: useLookupStore.setState, get: useLookupStore.getState };
  set({ busy: true, error: null });
  try {
    await api.call('sale.rxSelfPayRefund', { saleId, reason });
    const { text, from, to } = get();
    const rows = await api.call('settlement.find', lookupInputOf(text, from, to));
    const view = await api.call('receipt.get', { saleId, format: 'thermal80' });
    const selected = Math.max(
      0,
      rows.findIndex((r) => r.selfPaySaleId === saleId),
    );
    set({ busy: false, rows, selected, refundOpen: false, receipt: { kind: 'refundSlip', view } });
    return true;
  } catch (err) {
    set(failed(err));
    return false;
  }
}

/** Each opening starts empty with the last seven days; closing forgets what was found. */
onPageChange('lookup', {
  opened: () => useLookupStore.setState(initial()),
  closed: () => useLookupStore.setState(initial()),
});
