import { create } from 'zustand';

export type Overlay =
  | 'help'
  | 'recent'
  | 'region'
  | 'scanner'
  | 'refund'
  | 'logout'
  | 'cancelHeld'
  | 'stayRecord'
  | 'stayWithdraw'
  | 'daySummary'
  | 'paperReject'
  | 'deliveryReceipt';

interface UiState {
  /** At most one overlay: help (F1), recent prescriptions (F8), region (F10), scanner test (F11), refund. */
  overlay: Overlay | null;
  helpOpen: boolean;
  /** Incremented to ask the counter screen to put the caret back into the credential field. */
  focusRequest: number;
  setOverlay(overlay: Overlay | null): void;
  toggleOverlay(overlay: Overlay): void;
  setHelpOpen(open: boolean): void;
  requestFocus(): void;
}

export const useUiStore = create<UiState>((set, get) => ({
  overlay: null,
  helpOpen: false,
  focusRequest: 0,
  setOverlay: (overlay) => set({ overlay, helpOpen: overlay === 'help' }),
  toggleOverlay: (overlay) => get().setOverlay(get().overlay === overlay ? null : overlay),
  setHelpOpen: (open) => get().setOverlay(open ? 'help' : null),
  requestFocus: () => set((s) => ({ focusRequest: s.focusRequest + 1 })),
}));
