import { create } from 'zustand';
import type { PaperView } from '../../contract/types-paper';
import type { MtClaimSaleView } from '../../contract/types-settlement';
import type { AppErrorShape } from '../../domain/errors';
import { isMtClaim } from '../../domain/paper/mt-claim';
import { api } from '../api';
import { busyCall } from '../stores/busy-call';

interface MtClaimState {
  /** The archived 门特 self-pay prescription being sold (R-MT-CLAIM); null when none. */
  paper: PaperView | null;
  /** Scanned codes per line number, one per pack. */
  codes: Record<number, string[]>;
  sold: MtClaimSaleView | null;
  busy: boolean;
  error: AppErrorShape | null;
  /** Opens the sale for a record archived as a 门特 self-pay purchase and not yet sold. */
  open(paper: PaperView): void;
  /** A scanned code goes to the first line that still needs packs. */
  addCode(code: string): void;
  sell(): Promise<void>;
  close(): void;
}

const initial = { paper: null, codes: {}, sold: null, busy: false, error: null };

export const useMtClaimStore = create<MtClaimState>((set, get) => ({
  ...initial,
  open(paper) {
    if (!isMtClaim(paper.warnings) || paper.status !== 'captured') return;
    set({ ...initial, paper });
  },
  addCode(raw) {
    const code = raw.trim();
    const { paper, codes } = get();
    if (!paper || code === '') return;
    const line = paper.lines.find((l) => (codes[l.lineNo]?.length ?? 0) < l.quantity);
    if (!line) return;
    set({ codes: { ...codes, [line.lineNo]: [...(codes[line.lineNo] ?? []), code] }, error: null });
  },
  async sell() {
    const { paper, codes } = get();
    if (!paper) return;
    const items = paper.lines.map((l) => ({
      medListCodg: l.medListCodg,
      codes: codes[l.lineNo] ?? [],
    }));
    const sold = await busyCall(set, () => api.call('sale.mtClaim', { paperId: paper.id, items }));
    if (sold) set({ sold });
  },
  close: () => set(initial),
}));
