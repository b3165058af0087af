import type { AreaDeps } from '../area-deps';

/** Risk signals computed locally over a period (R-RISK), each with its drill-down. */
export function createRiskArea(_deps: AreaDeps) {
  return {};
}

export type RiskArea = ReturnType<typeof createRiskArea>;
