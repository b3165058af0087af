import type { AppErrorShape } from '../../domain/errors';
import { isUnauthenticated, toShape } from '../api';
import { beep } from '../feedback/beep';
import { useSessionStore } from './session-store';

/** A failed call for a panel to show itself: an expired session ends, anything else beeps. */
export function callFailure(err: unknown): AppErrorShape {
  const shape = toShape(err);
  if (isUnauthenticated(err)) useSessionStore.getState().expire(shape.message);
  else beep('error');
  return shape;
}
