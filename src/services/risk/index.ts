import type { RiskSignal } from '../../domain/risk/signal';
import type { AreaDeps } from '../area-deps';
import type { AuthenticatedSession } from '../auth-service';
import { jobsOf } from '../background/jobs-of';
import type { RegionService } from '../region-service';
import { regionLimitsOf } from './region-limits';
import { requireMayReadRisk } from './risk-service';
import { loadRiskThresholds, riskThresholdsFile } from './thresholds-file';

/** Risk signals computed locally over a period (R-RISK), each with its drill-down. */
export function createRiskArea(
  deps: AreaDeps,
  regions: RegionService,
  opts: { thresholdsFile?: string } = {},
) {
  const thresholds = loadRiskThresholds(opts.thresholdsFile ?? riskThresholdsFile(deps.config));
  const region = regionLimitsOf(deps.config, regions);
  const jobs = jobsOf(deps);
  return {
    /** Computed in the background (issue 20): the counter keeps answering meanwhile. */
    signals(session: AuthenticatedSession, from: string, to: string): Promise<RiskSignal[]> {
      requireMayReadRisk(session);
      return jobs.run('risk.signals', { from, to, thresholds, region: region() });
    },
  };
}

export type RiskArea = ReturnType<typeof createRiskArea>;
