import type { AppErrorShape } from '../../domain/errors';
import { isUnauthenticated, toShape } from '../api';
import { useSessionStore } from './session-store';

export interface BusyFields {
  busy: boolean;
  error: AppErrorShape | null;
}

/**
 * One call of a screen's store: busy while it runs, its failure kept for the screen to show (an
 * expired session ends instead). Resolves to null when the call failed. `clear` resets other
 * fields (a notice) when the call starts.
 */
export async function busyCall<T, S extends BusyFields>(
  set: (s: Partial<S>) => void,
  run: () => Promise<T>,
  clear: Partial<S> = {},
): Promise<T | null> {
  set({ ...clear, busy: true, error: null });
  try {
    const value = await run();
    set({ busy: false } as Partial<S>);
    return value;
  } catch (err) {
    if (isUnauthenticated(err)) useSessionStore.getState().expire(toShape(err).message);
    set({ busy: false, error: toShape(err) } as Partial<S>);
    return null;
  }
}
