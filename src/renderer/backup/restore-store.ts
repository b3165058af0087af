import { create } from 'zustand';
import type {
  BackupCheckView,
  BackupEntry,
  RESTORE_CONFIRMATION,
} from '../../contract/types-backup';
import type { AppErrorShape } from '../../domain/errors';
import { api, isUnauthenticated, toShape } from '../api';
import { beep } from '../feedback/beep';
import { useSessionStore } from '../stores/session-store';

/** How often the screen asks whether the restarted counter answers again. */
const POLL_MS = 500;

interface RestoreState {
  backups: BackupEntry[];
  selected: string | null;
  check: BackupCheckView | null;
  busy: boolean;
  confirming: boolean;
  /** Staged: the counter restarts and the window reloads to the log-in. */
  restarting: boolean;
  error: AppErrorShape | null;
  load(): Promise<void>;
  select(name: string): void;
  runCheck(): Promise<void>;
  askConfirm(open: boolean): void;
  restore(typed: string): Promise<void>;
}

function fail(err: unknown): AppErrorShape {
  const shape = toShape(err);
  if (isUnauthenticated(err)) useSessionStore.getState().expire(shape.message);
  else beep('error');
  return shape;
}

/** Reloads the window once the restarted counter answers (the log-in screen comes back). */
async function reloadWhenBack(): Promise<void> {
  await new Promise((r) => setTimeout(r, POLL_MS * 2));
  for (;;) {
    try {
      await api.call('app.info', {});
      break;
    } catch {
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }
  window.location.reload();
}

export const useRestoreStore = create<RestoreState>((set, get) => ({
  backups: [],
  selected: null,
  check: null,
  busy: false,
  confirming: false,
  restarting: false,
  error: null,

  async load() {
    try {
      const backups = await api.call('backup.list', {});
      const selected = get().selected ?? backups[0]?.name ?? null;
      set({ backups, selected, error: null });
    } catch (err) {
      set({ error: fail(err) });
    }
  },

  select(name) {
    if (name !== get().selected)
      set({ selected: name, check: null, confirming: false, error: null });
  },

  async runCheck() {
    const name = get().selected;
    if (!name || get().busy) return;
    set({ busy: true, check: null, confirming: false, error: null });
    try {
      const check = await api.call('backup.check', { name });
      set({ check, busy: false });
      beep(check.ok ? 'success' : 'error');
    } catch (err) {
      set({ busy: false, error: fail(err) });
    }
  },

  askConfirm(open) {
    set({ confirming: open && get().check?.ok === true, error: null });
  },

  async restore(typed) {
    const { check, busy } = get();
    if (!check?.ok || busy) return;
    set({ busy: true, error: null });
    try {
      await api.call('backup.restore', {
        name: check.name,
        confirm: typed as typeof RESTORE_CONFIRMATION,
      });
      set({ busy: false, confirming: false, restarting: true });
      void reloadWhenBack();
    } catch (err) {
      set({ busy: false, error: fail(err) });
    }
  },
}));
