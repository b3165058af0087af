import type { reportsContract } from '../contract/contract-reports';
import type { AppServices } from '../services/app-services';
import { type HandlersFor, must } from './handler-context';

export function createReportsHandlers(s: AppServices): HandlersFor<typeof reportsContract> {
  return {
    'reports.daySummary': (i) => s.reports.daySummary(i.day),
    'reports.daySummaryPdf': (i) => s.reports.daySummaryPdf(i.day),
    'reports.get': (i, ctx) => s.reports.get(must(ctx), i),
    'reports.storeDay': (i) => s.settlement.storeDayReport(i.day),
    'reports.export': (i, ctx) => s.reports.export(must(ctx), i),
    'reports.acceptanceSelfCheck': (i) => s.reports.acceptanceSelfCheck(i.format),
  };
}
