import type { AreaDeps } from '../area-deps';
import type { RegionService } from '../region-service';
import { regionLimitsOf } from './region-limits';
import { createRiskService } from './risk-service';
import { loadRiskThresholds, riskThresholdsFile } from './thresholds-file';

/** Risk signals computed locally over a period (R-RISK), each with its drill-down. */
export function createRiskArea(
  deps: AreaDeps,
  regions: RegionService,
  opts: { thresholdsFile?: string } = {},
) {
  const service = createRiskService({
    db: deps.db,
    catalog: deps.catalog,
    thresholds: loadRiskThresholds(opts.thresholdsFile ?? riskThresholdsFile(deps.config)),
    region: regionLimitsOf(deps.config, regions),
    log: deps.log,
  });
  return { signals: service.signals };
}

export type RiskArea = ReturnType<typeof createRiskArea>;
