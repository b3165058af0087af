import type { Out7204 } from '../center/rx/fsi-72xx';
import type { RegionSettings, RuleFinding } from '../contract/types';
import type { CatalogDrug } from '../domain/catalog/catalog-drug';
import { DRUG_CLASSES } from '../domain/catalog/drug-classes';
import { AppError } from '../domain/errors';
import { dualChannelFixFindings } from '../domain/policy/dual-channel-fix';
import { evaluatePrescription } from '../domain/policy/evaluate';
import type { PolicyPack } from '../domain/policy/policy-pack';
import { overSupplyFindings } from '../domain/policy/quantity-usage';
import type { PoolArea } from '../domain/settlement/insurance-standing';
import type { SettingsRepository } from '../store/settings-repository';
import { dualChannelFactsOf } from './dual-channel-facts';

export interface RegionInfo {
  id: string;
  name: string;
}

export interface PolicyOutcome {
  findings: RuleFinding[];
  lineTags: Map<string, { tags: string[]; dualChannel: boolean }>;
}

export type RxPolicyEvaluator = (
  reply: Out7204,
  status: { statusCodg: string; statusName: string },
  at: Date,
) => PolicyOutcome;

const REGION_KEY = 'pharmacy.region';

/**
 * The pharmacy's coordinating region and its policy pack (data files in config/policy): which
 * pack applies, switching it (administrators), and evaluating a prescription under it.
 */
export function createRegionService(deps: {
  packs: readonly PolicyPack[];
  catalog: ReadonlyMap<string, CatalogDrug>;
  settings: SettingsRepository;
  defaultRegion: string | null;
  pharmacyAdmdvs: string;
}) {
  const byId = new Map(deps.packs.map((p) => [p.id, p]));
  const fallback =
    (deps.defaultRegion && byId.get(deps.defaultRegion)) ||
    deps.packs.find((p) => p.poolAreaPrefixes.some((pre) => deps.pharmacyAdmdvs.startsWith(pre))) ||
    byId.get('default') ||
    deps.packs[0];
  if (!fallback) throw new Error('config/policy 中没有任何地区政策包');
  const defaultPack: PolicyPack = fallback;

  function pack(): PolicyPack {
    const chosen = deps.settings.get<string>(REGION_KEY);
    return (chosen && byId.get(chosen)) || defaultPack;
  }

  function settings(): RegionSettings {
    return { regionId: pack().id, regions: deps.packs.map((p) => ({ id: p.id, name: p.name })) };
  }

  const evaluate: RxPolicyEvaluator = (reply, status, at) => {
    const current = pack();
    const findings = evaluatePrescription(
      {
        fixmedinsCode: reply.data.fixmedins_code,
        prscTime: reply.data.prsc_time,
        uploadTime: reply.data.x_upld_time,
        validEndTime: reply.data.valid_end_time,
        longRxFlag: reply.data.long_rx_flag ?? '0',
        chronicSpecial: dualChannelFactsOf(reply).chronicSpecial,
        statusCodg: status.statusCodg,
        statusName: status.statusName,
        lines: reply.rxdrugdetail.map((l) => ({
          medListCodg: l.med_list_codg,
          genname: l.drug_genname,
          medcDays: l.medc_days == null ? null : Number(l.medc_days),
          drugCnt: Number(l.drug_cnt),
        })),
      },
      current,
      (code) => deps.catalog.get(code),
      at,
    );
    const lineTags = new Map<string, { tags: string[]; dualChannel: boolean }>();
    for (const l of reply.rxdrugdetail) {
      const drug = deps.catalog.get(l.med_list_codg);
      const tags: string[] = (drug?.classes ?? []).map((c) => DRUG_CLASSES[c]);
      if (drug?.dualChannel) tags.unshift('双通道');
      if (!drug) tags.push('目录外');
      lineTags.set(l.med_list_codg, { tags, dualChannel: drug?.dualChannel ?? false });
    }
    const usage = overSupplyFindings(
      reply.rxdrugdetail.map((l) => ({
        medListCodg: l.med_list_codg,
        genname: l.drug_genname,
        quantity: Number(l.drug_cnt),
        split: String((l as Record<string, unknown>).trdn_flag ?? '0') === '1',
        packUnit: l.drug_dosunt ?? deps.catalog.get(l.med_list_codg)?.packUnit ?? '',
        spec: l.drug_spec || deps.catalog.get(l.med_list_codg)?.spec || '',
        singleDose: l.sin_doscnt == null ? null : Number(l.sin_doscnt),
        doseUnit: l.sin_dosunt ?? '',
        frequencyCode: l.used_frqu_codg ?? '',
        frequencyName: l.used_frqu_name ?? '',
        days: l.medc_days == null ? null : Number(l.medc_days),
      })),
    );
    const dualFix = dualChannelFixFindings(
      dualChannelFactsOf(reply),
      reply.rxdrugdetail.map((l) => ({ medListCodg: l.med_list_codg, genname: l.drug_genname })),
      (code) => deps.catalog.get(code),
    );
    return { findings: [...findings, ...usage, ...dualFix].map((f) => ({ ...f })), lineTags };
  };

  return {
    current: (): RegionInfo => ({ id: pack().id, name: pack().name }),
    /** Where a person insured counts as local (异地 otherwise). */
    poolArea: (): PoolArea => ({ name: pack().name, prefixes: pack().poolAreaPrefixes }),
    pack,
    settings,
    set(regionId: string): RegionSettings {
      if (!byId.has(regionId)) throw new AppError('VALIDATION', `没有地区政策包“${regionId}”`);
      const previousRegionId = pack().id;
      deps.settings.set(REGION_KEY, regionId);
      return { ...settings(), previousRegionId };
    },
    evaluate,
  };
}

export type RegionService = ReturnType<typeof createRegionService>;
