import { create } from 'zustand';
import type { AppInfo, SessionInfo } from '../../contract/types';
import type { AppErrorShape } from '../../domain/errors';
import { api, toShape } from '../api';
import { useFeedbackStore } from './feedback-store';

interface SessionState {
  info: AppInfo | null;
  infoError: string | null;
  session: SessionInfo | null;
  loggingIn: boolean;
  /** Why the last session ended when the user did not ask (e.g. it expired). */
  endedReason: string | null;
  loadInfo(): Promise<void>;
  login(username: string, password: string): Promise<void>;
  /** Answers the refusal when the backend will not let this session end (e.g. undelivered uploads). */
  logout(): Promise<AppErrorShape | null>;
  expire(reason: string): void;
}

export const useSessionStore = create<SessionState>((set, get) => ({
  info: null,
  infoError: null,
  session: null,
  loggingIn: false,
  endedReason: null,

  async loadInfo() {
    try {
      set({ info: await api.call('app.info', {}), infoError: null });
    } catch (err) {
      set({ infoError: toShape(err).message });
    }
  },

  async login(username, password) {
    if (get().loggingIn) return;
    set({ loggingIn: true, endedReason: null });
    useFeedbackStore.getState().clear();
    try {
      const session = await api.call('auth.login', { username: username.trim(), password });
      api.setToken(session.token);
      set({ session, loggingIn: false });
    } catch (err) {
      set({ loggingIn: false });
      useFeedbackStore.getState().showError(toShape(err));
    }
  },

  async logout() {
    try {
      await api.call('auth.logout', {});
    } catch (err) {
      const shape = toShape(err);
      // Refusals (e.g. uploads that need a human) keep the session; a dead session ends anyway.
      if (shape.code === 'CONFLICT' || shape.code === 'POLICY' || shape.code === 'FORBIDDEN')
        return shape;
    }
    api.setToken(null);
    set({ session: null, endedReason: null });
    return null;
  },

  expire(reason) {
    api.setToken(null);
    set({ session: null, endedReason: reason });
  },
}));
