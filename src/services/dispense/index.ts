import type { AreaDeps } from '../area-deps';

/** Dispensing, stock and traceability-code services of the counter. */
export function createDispenseArea(_deps: AreaDeps) {
  return {};
}

export type DispenseArea = ReturnType<typeof createDispenseArea>;
