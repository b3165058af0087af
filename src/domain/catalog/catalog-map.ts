import type { CatalogDrug } from './catalog-drug';

/** Keyed by medListCodg; duplicates are refused. */
export function catalogMap(drugs: readonly CatalogDrug[]): Map<string, CatalogDrug> {
  const map = new Map<string, CatalogDrug>();
  for (const d of drugs) {
    if (map.has(d.medListCodg)) throw new Error(`药品目录中医保目录编码重复：${d.medListCodg}`);
    map.set(d.medListCodg, d);
  }
  return map;
}
