import { create } from 'zustand';
import type { RegionSettings } from '../../contract/types';
import type { AppErrorShape } from '../../domain/errors';
import { api, isUnauthenticated, toShape } from '../api';
import { beep } from '../feedback/beep';
import { usePrescriptionStore } from '../prescription/prescription-store';
import { useSessionStore } from '../stores/session-store';

interface RegionState {
  settings: RegionSettings | null;
  loading: boolean;
  saving: boolean;
  /** Shown inside the settings dialog, not in the counter's message area behind it. */
  error: AppErrorShape | null;
  load(): Promise<void>;
  /** Administrator only; an open prescription is re-evaluated under the new region pack. */
  switchTo(regionId: string): Promise<boolean>;
}

function fail(err: unknown): AppErrorShape {
  const shape = toShape(err);
  if (isUnauthenticated(err)) useSessionStore.getState().expire(shape.message);
  else beep('error');
  return shape;
}

export const useRegionStore = create<RegionState>((set, get) => ({
  settings: null,
  loading: false,
  saving: false,
  error: null,

  async load() {
    set({ loading: true, error: null });
    try {
      set({ settings: await api.call('settings.region', {}), loading: false });
    } catch (err) {
      set({ loading: false, error: fail(err) });
    }
  },

  async switchTo(regionId) {
    if (get().saving) return false;
    set({ saving: true, error: null });
    try {
      const settings = await api.call('settings.setRegion', { regionId });
      set({ settings, saving: false });
      beep('success');
      await usePrescriptionStore.getState().refresh();
      return true;
    } catch (err) {
      set({ saving: false, error: fail(err) });
      return false;
    }
  },
}));
