import type { CatalogDrug } from '../../domain/catalog/catalog-drug';
import { toGtin14 } from '../../domain/trace/ean13';
import { type ParsedCode, productKeyOf } from '../../domain/trace/parse-scanned-code';

/** The catalog keyed by traceability product identifier and by GTIN-14. */
export function createProductIndex(catalog: ReadonlyMap<string, CatalogDrug>) {
  const byTraceId = new Map<string, CatalogDrug>();
  const byGtin = new Map<string, CatalogDrug>();
  for (const drug of catalog.values()) {
    for (const id of drug.traceProductIds) byTraceId.set(id, drug);
    for (const g of drug.gtins) byGtin.set(toGtin14(g), drug);
  }
  return {
    drugOf(p: ParsedCode): CatalogDrug | undefined {
      const key = productKeyOf(p);
      if (!key) return undefined;
      return 'traceProductId' in key ? byTraceId.get(key.traceProductId) : byGtin.get(key.gtin14);
    },
  };
}

export type ProductIndex = ReturnType<typeof createProductIndex>;
