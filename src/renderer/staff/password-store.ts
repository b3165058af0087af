import { create } from 'zustand';
import type { AppErrorShape } from '../../domain/errors';
import { passwordProblem } from '../../domain/password-policy';
import { api, isUnauthenticated, toShape } from '../api';
import { useSessionStore } from '../stores/session-store';

interface PasswordState {
  /** The change-own-password dialog (Ctrl+Shift+K); the forced form after a temporary password is always open. */
  open: boolean;
  busy: boolean;
  error: AppErrorShape | null;
  done: boolean;
  show(): void;
  close(): void;
  change(oldPassword: string, newPassword: string, repeated: string): Promise<void>;
}

const invalid = (message: string): AppErrorShape => ({ code: 'VALIDATION', message });

/** Changing one's own password: the old one proves it is the holder, the new one meets the policy. */
export const usePasswordStore = create<PasswordState>((set, get) => ({
  open: false,
  busy: false,
  error: null,
  done: false,
  show: () => set({ open: true, error: null, done: false }),
  close: () => set({ open: false, error: null }),
  async change(oldPassword, newPassword, repeated) {
    const session = useSessionStore.getState().session;
    if (!session || get().busy) return;
    if (!oldPassword) return set({ error: invalid('请输入原密码') });
    const problem = passwordProblem(newPassword, session.staff.username);
    if (problem) return set({ error: invalid(problem) });
    if (newPassword !== repeated) return set({ error: invalid('两次输入的新密码不一致') });
    set({ busy: true, error: null });
    try {
      await api.call('session.changePassword', { oldPassword, newPassword });
      set({ busy: false, open: false, done: true });
      // a new session object resets the screens: only when leaving the forced form, never mid-work
      if (session.mustChangePassword)
        useSessionStore.setState({ session: { ...session, mustChangePassword: false } });
    } catch (err) {
      if (isUnauthenticated(err)) useSessionStore.getState().expire(toShape(err).message);
      set({ busy: false, error: toShape(err) });
    }
  },
}));
