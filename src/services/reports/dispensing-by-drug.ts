import type { DispensingByDrugReport, DrugDispensingRow } from '../../contract/types-reports';
import type { CatalogDrug } from '../../domain/catalog/catalog-drug';
import type { ReportRepository } from '../../store/report-repository';
import type { LocalPeriod } from './period';

/**
 * Completed dispensings of the period per drug (R-RECON: the pharmacy's side of the hospitals'
 * prescriptions). Returned (refunded) dispensings gave their packs back and are not counted.
 * Packs are the packs taken from stock; the amount is what the drug's fee lines billed in the
 * standing 2102 (the frozen request), so a dispensing not yet settled adds packs but no amount.
 * Sorted by packs, most first.
 */
export function dispensingByDrug(
  repo: ReportRepository,
  catalog: ReadonlyMap<string, CatalogDrug>,
  p: LocalPeriod,
): DispensingByDrugReport {
  const rows = repo
    .dispensedByDrug(p)
    .map((r): DrugDispensingRow => {
      const drug = catalog.get(r.medListCodg);
      return {
        medListCodg: r.medListCodg,
        genname: drug?.genname ?? r.genname,
        spec: drug?.spec ?? '',
        packUnit: drug?.packUnit ?? '',
        prescriptions: r.prescriptions,
        paperPrescriptions: r.paperPrescriptions,
        packs: r.packs,
        amountFen: r.amountFen,
      };
    })
    .sort((a, b) => b.packs - a.packs || a.medListCodg.localeCompare(b.medListCodg));
  // A prescription with several drugs appears in several rows; the total counts it once.
  const totals = {
    prescriptions: repo.dispensingCount(p),
    packs: rows.reduce((s, r) => s + r.packs, 0),
    amountFen: rows.reduce((s, r) => s + r.amountFen, 0),
  };
  return { kind: 'dispensing-by-drug', period: { from: p.from, to: p.to }, rows, totals };
}
