import type { CatalogCoverageReport, CatalogCoverageRow } from '../../contract/types-reports';
import { type CatalogDrug, isInsuranceListed } from '../../domain/catalog/catalog-drug';
import type { ReportRepository } from '../../store/report-repository';

/** R-CATALOG: at least 70% of the varieties stocked should be insurance catalog drugs. */
export const CATALOG_SHARE_THRESHOLD = 0.7;

/**
 * Varieties with packs on hand now and whether each is in the insurance catalog. Stock can
 * only receive goods of the counter's catalog (stock.receive refuses other codes), so a variety
 * is "listed" unless its catalog entry says insuranceListed: false (a hospital preparation);
 * a stocked code missing from the catalog (left over from an older catalog) counts as not listed.
 * Listed first, then by packs on hand.
 */
export function catalogCoverage(
  repo: ReportRepository,
  catalog: ReadonlyMap<string, CatalogDrug>,
  asOf: string,
): CatalogCoverageReport {
  const rows = repo
    .stockOnHand()
    .map((r): CatalogCoverageRow => {
      const drug = catalog.get(r.medListCodg);
      return {
        medListCodg: r.medListCodg,
        name: drug ? `${drug.genname} ${drug.spec}`.trim() : r.medListCodg,
        listed: drug ? isInsuranceListed(drug) : false,
        packsOnHand: r.packs,
      };
    })
    .sort(
      (a, b) =>
        Number(b.listed) - Number(a.listed) ||
        b.packsOnHand - a.packsOnHand ||
        a.medListCodg.localeCompare(b.medListCodg),
    );
  const listedVarieties = rows.filter((r) => r.listed).length;
  const share = rows.length === 0 ? 0 : listedVarieties / rows.length;
  return {
    kind: 'catalog-coverage',
    asOf,
    stockedVarieties: rows.length,
    listedVarieties,
    share,
    threshold: CATALOG_SHARE_THRESHOLD,
    // Nothing stocked: nothing to fall short of.
    meets: rows.length === 0 || share >= CATALOG_SHARE_THRESHOLD,
    rows,
  };
}
