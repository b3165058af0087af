import { z } from 'zod';
import { audited, reads } from './method-policy';
import type { DaySummary, DaySummaryPdf, Report, ReportExportResult } from './types-reports';
import type { StoreDayReport } from './types-store-settlements';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 yyyy-MM-dd');
const reportId = z.enum([
  'settlements-daily',
  'dispensing-by-drug',
  'catalog-coverage',
  'outbox-health',
  'flowed-prices',
]);
const query = { report: reportId, from: isoDate, to: isoDate };

/** Manager reports with charts and CSV/XLSX/PDF export (R-CATALOG, R-PRICE-PUB, R-RECON). */
const dayQuery = z.object({ day: isoDate.optional() }).strict();

export const reportsContract = {
  /** 日结汇总 of this counter (today unless a day is given): amounts as 每日结算报表, held, queue. */
  'reports.daySummary': { input: dayQuery, output: {} as DaySummary, auth: true, ...reads },
  /** The same as an A4 PDF to print (nothing is changed or kept). */
  'reports.daySummaryPdf': { input: dayQuery, output: {} as DaySummaryPdf, auth: true, ...reads },
  'reports.get': {
    input: z.object(query).strict(),
    output: {} as Report,
    auth: true,
    ...reads,
  },
  /** A counter of a store: every counter's settlements and refunds of one day, read from the store server (issue 17). */
  'reports.storeDay': {
    input: z.object({ day: isoDate }).strict(),
    output: {} as StoreDayReport,
    auth: true,
    ...reads,
  },
  'reports.export': {
    input: z.object({ ...query, format: z.enum(['csv', 'xlsx', 'pdf']) }).strict(),
    output: {} as ReportExportResult,
    auth: true,
    mutates: true,
    audit: audited('report.export', {
      subject: 'report',
      detail: { input: ['from', 'to', 'format'], output: ['fileName', 'bytes', 'sm3'] },
    }),
  },
  /**
   * 004 附件5 接入验收自查表 (ST-EPC-02-001…013): what the app provides for each item and where;
   * ST-EPC-02-013 暂不验收 (no internet channel built). A4 PDF or CSV under <data>/exports.
   */
  'reports.acceptanceSelfCheck': {
    input: z.object({ format: z.enum(['pdf', 'csv']) }).strict(),
    output: {} as ReportExportResult,
    auth: true,
    roles: {
      allowed: ['pharmacist', 'admin'],
      refusal: '验收自查表须由药师或管理员导出',
      ruleId: 'R-KEEP',
    },
    mutates: true,
    audit: audited('reports.acceptanceSelfCheck', {
      subject: 'report',
      detail: { input: ['format'], output: ['fileName', 'bytes', 'sm3'] },
    }),
  },
} as const;
