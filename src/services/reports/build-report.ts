import { dateOnly } from '../../center/clock';
import type { Report, ReportId } from '../../contract/types-reports';
import type { CatalogDrug } from '../../domain/catalog/catalog-drug';
import type { OutboxReportRepository } from '../../store/outbox-report-repository';
import type { ReportRepository } from '../../store/report-repository';
import { catalogCoverage } from './catalog-coverage';
import { dispensingByDrug } from './dispensing-by-drug';
import { flowedPrices } from './flowed-prices';
import { outboxHealth } from './outbox-health';
import { localPeriod } from './period';
import { settlementsDaily } from './settlements-daily';

export interface ReportSources {
  reports: ReportRepository;
  outbox: OutboxReportRepository;
  catalog: ReadonlyMap<string, CatalogDrug>;
}

/** Computes one report over the inclusive local days [from, to] (catalog coverage: now). */
export function buildReport(
  src: ReportSources,
  id: ReportId,
  from: string,
  to: string,
  now: Date,
): Report {
  const p = localPeriod(from, to);
  switch (id) {
    case 'settlements-daily':
      return settlementsDaily(src.reports, p);
    case 'dispensing-by-drug':
      return dispensingByDrug(src.reports, src.catalog, p);
    case 'catalog-coverage':
      return catalogCoverage(src.reports, src.catalog, dateOnly(now));
    case 'outbox-health':
      return outboxHealth(src.outbox, p, now.getTime());
    case 'flowed-prices':
      return flowedPrices(src.reports, src.catalog, p);
  }
}
