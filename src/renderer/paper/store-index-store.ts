import { create } from 'zustand';
import type { ApiInput } from '../../contract/contract';
import type { PaperStoreIndexView } from '../../contract/types-paper';
import type { AppErrorShape } from '../../domain/errors';
import { api } from '../api';
import { busyCall } from '../stores/busy-call';

export type StoreIndexQuery = ApiInput<'paper.storeIndex'>;

interface StoreIndexState {
  open: boolean;
  busy: boolean;
  error: AppErrorShape | null;
  result: PaperStoreIndexView | null;
  toggle(): void;
  search(query: StoreIndexQuery): Promise<void>;
}

/** 全店索引 (D56): where each paper prescription of the pharmacy is archived, verified here by SM3. */
export const useStoreIndexStore = create<StoreIndexState>((set) => ({
  open: false,
  busy: false,
  error: null,
  result: null,
  toggle: () => set((s) => ({ open: !s.open, error: null })),
  async search(query) {
    const result = await busyCall<PaperStoreIndexView, StoreIndexState>(set, () =>
      api.call('paper.storeIndex', query),
    );
    if (result) set({ result });
  },
}));
