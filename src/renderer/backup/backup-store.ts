import { create } from 'zustand';
import type { BackupStatus, LogExportResult } from '../../contract/types-backup';
import type { AppErrorShape } from '../../domain/errors';
import { api, isUnauthenticated, toShape } from '../api';
import { beep } from '../feedback/beep';
import { useSessionStore } from '../stores/session-store';

interface BackupState {
  status: BackupStatus | null;
  running: boolean;
  error: AppErrorShape | null;
  load(): Promise<void>;
  /** Administrator only: one online backup now. */
  runNow(): Promise<void>;
  exported: LogExportResult | null;
  /** Administrator only: the recent logs as a ZIP into the exports folder, for support. */
  exportLogs(): Promise<void>;
}

function fail(err: unknown): AppErrorShape {
  const shape = toShape(err);
  if (isUnauthenticated(err)) useSessionStore.getState().expire(shape.message);
  else beep('error');
  return shape;
}

export const useBackupStore = create<BackupState>((set, get) => ({
  status: null,
  running: false,
  error: null,
  exported: null,

  async load() {
    try {
      set({ status: await api.call('backup.status', {}), error: null });
    } catch (err) {
      set({ error: fail(err) });
    }
  },

  async runNow() {
    if (get().running) return;
    set({ running: true, error: null });
    try {
      set({ status: await api.call('backup.run', {}), running: false });
      beep('success');
    } catch (err) {
      set({ running: false, error: fail(err) });
      void get().load();
    }
  },

  async exportLogs() {
    set({ exported: null, error: null });
    try {
      set({ exported: await api.call('log.export', { folder: null }) });
      beep('success');
    } catch (err) {
      set({ error: fail(err) });
    }
  },
}));
