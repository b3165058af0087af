import type {
  Report,
  ReportExportFormat,
  ReportExportResult,
  ReportId,
} from '../../contract/types-reports';
import { OutboxReportRepository } from '../../store/outbox-report-repository';
import { ReportRepository } from '../../store/report-repository';
import type { AreaDeps } from '../area-deps';
import type { AuthenticatedSession } from '../auth-service';
import { buildReport, type ReportSources } from './build-report';
import { toDocument } from './export/to-document';
import { writeExport } from './export/write-export';
import { requireMayExport, requireMayRead } from './report-access';

export interface ReportQuery {
  report: ReportId;
  from: string;
  to: string;
}

/** Manager reports with charts and CSV/XLSX/PDF export (R-CATALOG, R-PRICE-PUB, R-RECON). */
export function createReportsArea(deps: AreaDeps) {
  const src: ReportSources = {
    reports: new ReportRepository(deps.db),
    outbox: new OutboxReportRepository(deps.db),
    catalog: deps.catalog,
  };
  return {
    get(session: AuthenticatedSession, q: ReportQuery): Report {
      requireMayRead(session.staff, q.report);
      return buildReport(src, q.report, q.from, q.to, deps.now());
    },

    export(
      session: AuthenticatedSession,
      q: ReportQuery & { format: ReportExportFormat },
    ): ReportExportResult {
      requireMayRead(session.staff, q.report);
      requireMayExport(session.staff, q.report);
      const now = deps.now();
      const report = buildReport(src, q.report, q.from, q.to, now);
      const result = writeExport(deps.config.dataDir, toDocument(report), q.format, now);
      deps.log.info('reports.exported', {
        report: q.report,
        format: q.format,
        file: result.fileName,
        bytes: result.bytes,
        sm3: result.sm3,
        staffId: session.staff.id,
      });
      return result;
    },
  };
}

export type ReportsArea = ReturnType<typeof createReportsArea>;
