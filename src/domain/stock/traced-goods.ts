import type { CatalogDrug } from '../catalog/catalog-drug';

/**
 * Whether the item's packs carry traceability codes that purchase, return and stocktake uploads
 * must name (R-STOCK, 001 §二(二)3 "药品耗材追溯码上传"): a drug unless the catalog says not,
 * goods that are no drug (医用耗材) only where the catalog says so.
 */
export function isTraced(item: Pick<CatalogDrug, 'traced' | 'rxClass'>): boolean {
  return item.traced ?? item.rxClass !== 'nonDrug';
}
