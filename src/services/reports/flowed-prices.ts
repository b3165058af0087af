import type { FlowedPriceRow, FlowedPricesReport } from '../../contract/types-reports';
import type { CatalogDrug } from '../../domain/catalog/catalog-drug';
import type { ReportRepository } from '../../store/report-repository';
import type { LocalPeriod } from './period';

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * R-PRICE-PUB: every drug sold against an outside (flowed) prescription in the period, its
 * current catalog price per pack beside the pack prices actually charged. Charged prices come
 * from the fee lines of the frozen 2102 request of each standing settlement (not refunded):
 * min and max per pack, and the average as amount billed / packs sold. 拆零 lines count as
 * units / units per pack, priced at unit price × units per pack (rounded to the fen).
 */
export function flowedPrices(
  repo: ReportRepository,
  catalog: ReadonlyMap<string, CatalogDrug>,
  p: LocalPeriod,
): FlowedPricesReport {
  const rows = repo
    .chargedByDrug(p)
    .map((r): FlowedPriceRow => {
      const drug = catalog.get(r.medListCodg);
      return {
        medListCodg: r.medListCodg,
        genname: drug?.genname ?? r.medListCodg,
        spec: drug?.spec ?? '',
        packUnit: drug?.packUnit ?? '',
        currentPriceFen: drug?.priceFen ?? 0,
        soldPacks: round2(r.packs),
        minSoldFen: r.minPackFen === null ? null : Math.round(r.minPackFen),
        maxSoldFen: r.maxPackFen === null ? null : Math.round(r.maxPackFen),
        avgSoldFen: r.packs > 0 ? Math.round(r.amountFen / r.packs) : null,
      };
    })
    .sort(
      (a, b) =>
        a.genname.localeCompare(b.genname, 'zh-CN') || a.medListCodg.localeCompare(b.medListCodg),
    );
  return { kind: 'flowed-prices', period: { from: p.from, to: p.to }, rows };
}
