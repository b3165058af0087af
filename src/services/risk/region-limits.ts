import type { RegionLimits } from '../../domain/risk/thresholds';
import type { AppConfig } from '../config';
import { loadPolicyPacks } from '../policy-loader';
import type { RegionService } from '../region-service';

/** The day limits of the pharmacy's current region pack (R-LONGRX), read at each call. */
export function regionLimitsOf(config: AppConfig, regions: RegionService): () => RegionLimits {
  const packs = loadPolicyPacks(config.policyDir, { pharmacyAdmdvs: config.pharmacy.admdvs });
  return () => {
    const { id } = regions.current();
    const pack = packs.find((p) => p.id === id) ?? packs[0];
    if (!pack) throw new Error('config/policy 中没有任何地区政策包');
    return {
      regionName: pack.name,
      longRxMaxDays: pack.longRxMaxDays,
      shortRxWarnDays: pack.shortRxWarnDays,
      longRxSource: pack.citations.longRxMaxDays.source,
    };
  };
}
