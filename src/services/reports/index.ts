import { dateOnly } from '../../center/clock';
import type {
  DaySummary,
  DaySummaryPdf,
  Report,
  ReportExportFormat,
  ReportExportResult,
  ReportId,
} from '../../contract/types-reports';
import type { AreaDeps } from '../area-deps';
import type { AuthenticatedSession } from '../auth-service';
import { jobsOf } from '../background/jobs-of';
import { exportSelfCheck } from './acceptance-self-check';
import { buildDaySummary } from './day-summary';
import { renderDaySummaryPdf } from './day-summary-pdf';
import { requireMayExport, requireMayRead } from './report-access';

export interface ReportQuery {
  report: ReportId;
  from: string;
  to: string;
}

/** Manager reports with charts and CSV/XLSX/PDF export (R-CATALOG, R-PRICE-PUB, R-RECON). */
export function createReportsArea(deps: AreaDeps) {
  const jobs = jobsOf(deps);
  return {
    /** 日结汇总 of this counter for `day` (today when absent); everyone at the counter may read it. */
    daySummary(day?: string): DaySummary {
      const now = deps.now();
      return buildDaySummary(deps.db, day ?? dateOnly(now), now);
    },

    daySummaryPdf(day?: string): DaySummaryPdf {
      const summary = this.daySummary(day);
      return {
        fileName: `日结汇总_${summary.day}.pdf`,
        pdfBase64: renderDaySummaryPdf(summary).toString('base64'),
      };
    },

    /** Built in the background (issue 20): the counter keeps answering meanwhile. */
    get(session: AuthenticatedSession, q: ReportQuery): Promise<Report> {
      requireMayRead(session.staff, q.report);
      return jobs.run('reports.build', { ...q, atMs: deps.now().getTime() });
    },

    async export(
      session: AuthenticatedSession,
      q: ReportQuery & { format: ReportExportFormat },
    ): Promise<ReportExportResult> {
      requireMayRead(session.staff, q.report);
      requireMayExport(session.staff, q.report);
      const result = await jobs.run('reports.export', { ...q, atMs: deps.now().getTime() });
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

    /** 接入验收自查表 (004 附件5, ST-EPC-02-001…013). */
    acceptanceSelfCheck(format: 'pdf' | 'csv'): ReportExportResult {
      const result = exportSelfCheck(deps.config.dataDir, deps.config.pharmacy, format, deps.now());
      deps.log.info('reports.acceptanceSelfCheck', { file: result.fileName, sm3: result.sm3 });
      return result;
    },
  };
}

export type ReportsArea = ReturnType<typeof createReportsArea>;
