import type { PolicyPack } from '../../domain/policy/policy-pack';
import type { AppConfig } from '../config';
import { loadPolicyPacks } from '../policy-loader';
import type { RegionService } from '../region-service';

/** The pack of the pharmacy's current region: the region service decides which one. */
export function currentPackOf(config: AppConfig, regions: RegionService): () => PolicyPack {
  const packs = loadPolicyPacks(config.policyDir, { pharmacyAdmdvs: config.pharmacy.admdvs });
  return () => {
    const { id } = regions.current();
    const pack = packs.find((p) => p.id === id) ?? packs[0];
    if (!pack) throw new Error('config/policy 中没有任何地区政策包');
    return pack;
  };
}
