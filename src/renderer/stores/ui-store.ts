import { create } from 'zustand';

interface UiState {
  helpOpen: boolean;
  /** Incremented to ask the counter screen to put the caret back into the credential field. */
  focusRequest: number;
  setHelpOpen(open: boolean): void;
  requestFocus(): void;
}

export const useUiStore = create<UiState>((set) => ({
  helpOpen: false,
  focusRequest: 0,
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  requestFocus: () => set((s) => ({ focusRequest: s.focusRequest + 1 })),
}));
