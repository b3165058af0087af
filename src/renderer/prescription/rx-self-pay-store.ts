import { create } from 'zustand';
import type { PrescriptionView } from '../../contract/types';
import type { ReceiptView, RxSelfPayOffer, SelfPaySaleView } from '../../contract/types-settlement';
import type { AppErrorShape } from '../../domain/errors';
import type { SelfPayConfirmer } from '../../domain/settlement/rx-self-pay';
import { api } from '../api';
import { busyCall } from '../stores/busy-call';
import { usePrescriptionStore } from './prescription-store';

export interface SelfPayLine {
  medListCodg: string;
  name: string;
  packs: number;
}

interface RxSelfPayState {
  /** The e-prescription being settled as 自费 (D45); null when the dialog is closed. */
  hiRxno: string | null;
  step: 'consent' | 'scan' | 'done';
  offer: RxSelfPayOffer | null;
  lines: SelfPayLine[];
  /** Scanned codes per line index, one per pack. */
  codes: string[][];
  sold: SelfPaySaleView | null;
  receipt: ReceiptView | null;
  busy: boolean;
  error: AppErrorShape | null;
  open(view: PrescriptionView): Promise<void>;
  consent(confirmedBy: string, relation: SelfPayConfirmer): Promise<void>;
  addCode(code: string): void;
  sell(): Promise<void>;
  close(): void;
}

const initial = {
  hiRxno: null,
  step: 'consent' as const,
  offer: null,
  lines: [],
  codes: [],
  sold: null,
  receipt: null,
  busy: false,
  error: null,
};

/** 自费结算 (Alt+Shift+Z): the patient's consent, one code per pack, then the 自费 receipt. */
export const useRxSelfPayStore = create<RxSelfPayState>((set, get) => ({
  ...initial,
  async open(view) {
    const lines = view.lines.map((l) => ({
      medListCodg: l.medListCodg,
      name: l.genname,
      packs: Math.max(1, Math.round(Number(l.quantity))),
    }));
    set({ ...initial, hiRxno: view.hiRxno, lines, codes: lines.map(() => []) });
    const offer = await busyCall(set, () => api.call('rx.selfPayOffer', { hiRxno: view.hiRxno }));
    if (offer) set({ offer });
  },
  async consent(confirmedBy, relation) {
    const { hiRxno, offer } = get();
    if (!hiRxno || !offer) return;
    const done = await busyCall(set, () =>
      api.call('rx.selfPayConsent', {
        hiRxno,
        confirmedBy,
        confirmerRelation: relation,
        words: offer.words,
      }),
    );
    if (done) set({ step: 'scan' });
  },
  addCode(raw) {
    const code = raw.trim();
    const { lines, codes } = get();
    const i = lines.findIndex((l, n) => (codes[n]?.length ?? 0) < l.packs);
    if (code === '' || i < 0) return;
    set({ codes: codes.map((c, n) => (n === i ? [...c, code] : c)), error: null });
  },
  async sell() {
    const { hiRxno, lines, codes } = get();
    if (!hiRxno) return;
    const items = lines.map((l, i) => ({ medListCodg: l.medListCodg, codes: codes[i] ?? [] }));
    const sold = await busyCall(set, () => api.call('sale.rxSelfPay', { hiRxno, items }));
    if (!sold) return;
    const receipt = await busyCall(set, () =>
      api.call('receipt.get', { saleId: sold.saleId, format: 'thermal80' }),
    );
    set({ step: 'done', sold, receipt });
    void usePrescriptionStore.getState().refresh();
  },
  close: () => set(initial),
}));

/** Whether the open prescription offers 自费结算: insurance not in force, nothing sold yet. */
export function offersSelfPay(view: PrescriptionView): boolean {
  return (
    view.insuranceNotices.some((n) => n.kind === 'not-insured') &&
    (view.live.code === 'to_dispense' || view.live.code === 'to_review')
  );
}
