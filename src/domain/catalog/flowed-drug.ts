import { type CatalogDrug, isInsuranceListed } from './catalog-drug';
import type { DrugClass } from './drug-classes';

/**
 * A drug the pharmacy offers against flowed prescriptions (处方流转药品): an insurance catalogue
 * drug that is a drug (not goods) and of no class the region excludes from flow (R-EXCLUDED).
 * These are the drugs whose prices are published (R-PRICE-PUB) and whose availability is given
 * to the public service channels (ST-EPC-02-004).
 */
export function isFlowedDrug(drug: CatalogDrug, excludedClasses: readonly DrugClass[]): boolean {
  return (
    isInsuranceListed(drug) &&
    drug.rxClass !== 'nonDrug' &&
    !drug.classes.some((c) => excludedClasses.includes(c))
  );
}

/** The flowed drugs of the catalogue, by name then code (a stable order for posting). */
export function flowedDrugs(
  catalog: ReadonlyMap<string, CatalogDrug>,
  excludedClasses: readonly DrugClass[],
): CatalogDrug[] {
  return [...catalog.values()]
    .filter((d) => isFlowedDrug(d, excludedClasses))
    .sort(
      (a, b) =>
        a.genname.localeCompare(b.genname, 'zh-CN') || a.medListCodg.localeCompare(b.medListCodg),
    );
}
