import { create } from 'zustand';
import type { DesktopSettings, PrintSettings } from '../../contract/types-desktop';
import type { AppErrorShape } from '../../domain/errors';
import { api, isUnauthenticated, toShape } from '../api';
import { beep } from '../feedback/beep';
import { useSessionStore } from '../stores/session-store';

interface DesktopSettingsState {
  settings: DesktopSettings | null;
  saved: 'print' | 'update' | null;
  error: AppErrorShape | null;
  load(): Promise<void>;
  /** Administrator only. */
  savePrint(next: PrintSettings): Promise<void>;
  saveUpdateFeed(feedUrl: string | null): Promise<void>;
}

function fail(err: unknown): AppErrorShape {
  const shape = toShape(err);
  if (isUnauthenticated(err)) useSessionStore.getState().expire(shape.message);
  else beep('error');
  return shape;
}

export const useDesktopSettingsStore = create<DesktopSettingsState>((set, get) => ({
  settings: null,
  saved: null,
  error: null,

  async load() {
    try {
      set({ settings: await api.call('desktop.settings', {}), error: null, saved: null });
    } catch (err) {
      set({ error: fail(err) });
    }
  },

  async savePrint(next) {
    try {
      const print = await api.call('desktop.setPrint', next);
      const current = get().settings;
      if (current) set({ settings: { ...current, print }, saved: 'print', error: null });
      beep('success');
    } catch (err) {
      set({ error: fail(err), saved: null });
    }
  },

  async saveUpdateFeed(feedUrl) {
    try {
      const update = await api.call('desktop.setUpdateFeed', { feedUrl });
      const current = get().settings;
      if (current) set({ settings: { ...current, update }, saved: 'update', error: null });
      beep('success');
    } catch (err) {
      set({ error: fail(err), saved: null });
    }
  },
}));
