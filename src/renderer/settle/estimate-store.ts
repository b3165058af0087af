import { create } from 'zustand';
import type { SettleEstimate } from '../../contract/types-settlement';
import type { AppErrorShape } from '../../domain/errors';
import { api } from '../api';
import { callFailure } from '../stores/call-failure';

interface EstimateState {
  dispensingId: number | null;
  estimate: SettleEstimate | null;
  loading: boolean;
  error: AppErrorShape | null;
  useAccount: boolean;
  /** F5 before completion: 2101 at the prescribed quantities. */
  run(dispensingId: number): Promise<void>;
  chooseAccount(useAccount: boolean): Promise<void>;
  reset(): void;
}

const EMPTY = {
  dispensingId: null,
  estimate: null,
  loading: false,
  error: null,
  useAccount: true,
};

let generation = 0;

export const useEstimateStore = create<EstimateState>((set, get) => ({
  ...EMPTY,

  async run(dispensingId) {
    if (get().loading) return;
    const gen = ++generation;
    const useAccount = get().dispensingId === dispensingId ? get().useAccount : true;
    set({ dispensingId, loading: true, error: null, useAccount });
    try {
      const estimate = await api.call('settle.estimate', { dispensingId, useAccount });
      if (gen === generation) set({ estimate, loading: false });
    } catch (err) {
      if (gen === generation) set({ loading: false, error: callFailure(err), estimate: null });
    }
  },

  async chooseAccount(useAccount) {
    const id = get().dispensingId;
    if (id === null || get().useAccount === useAccount) return;
    set({ useAccount });
    await get().run(id);
  },

  reset() {
    generation++;
    set(EMPTY);
  },
}));
