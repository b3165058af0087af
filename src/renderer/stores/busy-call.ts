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
    set({ busy: false, ...failure(err) } as Partial<S>);
    return null;
  }
}

/**
 * A call that loads in the background (a list behind an action button): like busyCall, but the
 * screen is not busy meanwhile, so a key pressed during the load still acts.
 */
export async function backgroundCall<T, S extends BusyFields>(
  set: (s: Partial<S>) => void,
  run: () => Promise<T>,
): Promise<T | null> {
  try {
    return await run();
  } catch (err) {
    set(failure(err) as Partial<S>);
    return null;
  }
}

function failure(err: unknown): { error: AppErrorShape } {
  if (isUnauthenticated(err)) useSessionStore.getState().expire(toShape(err).message);
  return { error: toShape(err) };
}
