import type { AreaDeps } from '../area-deps';

/** Settlement, refunds, self-pay sales and their uploads. */
export function createSettlementArea(_deps: AreaDeps) {
  return {};
}

export type SettlementArea = ReturnType<typeof createSettlementArea>;
