import path from 'node:path';
import type { AuditVerifyView } from '../../contract/types-audit';
import type { PaperExportResult } from '../../contract/types-paper';
import type {
  Report,
  ReportExportFormat,
  ReportExportResult,
  ReportId,
} from '../../contract/types-reports';
import type { AuditWitness } from '../../domain/audit/audit-witness';
import type { RiskSignal } from '../../domain/risk/signal';
import type { RegionLimits, RiskThresholds } from '../../domain/risk/thresholds';
import { AuditRepository } from '../../store/audit-repository';
import { OutboxReportRepository } from '../../store/outbox-report-repository';
import { PaperRepository } from '../../store/paper-repository';
import { PaperSearchRepository } from '../../store/paper-search-repository';
import { ReportRepository } from '../../store/report-repository';
import { createAnchorFile } from '../audit/anchor-file';
import { sm3AuditHasher } from '../audit/audit-hasher';
import { verifyAuditTrail } from '../audit/audit-verify';
import { writeDeliveryExport } from '../delivery/delivery-export';
import { writePaperExportZip } from '../paper/export-zip';
import { buildReport, type ReportSources } from '../reports/build-report';
import { toDocument } from '../reports/export/to-document';
import { writeExport } from '../reports/export/write-export';
import { createRiskService } from '../risk/risk-service';
import type { JobContext } from './job-context';

interface ReportJob {
  report: ReportId;
  from: string;
  to: string;
  /** The counter's clock when the call came (a job never reads the clock itself). */
  atMs: number;
}

const reportSources = (ctx: JobContext): ReportSources => ({
  reports: new ReportRepository(ctx.db),
  outbox: new OutboxReportRepository(ctx.db),
  catalog: ctx.catalog,
});

/**
 * The counter's heavy read-only work (issue 20: none may stall the counter by more than 16 ms).
 * Each job reads only through `ctx`, takes plain input and returns a plain result, so it runs
 * the same on the counter's thread or in the job thread (background/job-runner.ts). Role checks
 * stay with the caller, before the job is asked for.
 */
export const JOBS = {
  /** R-KEEP: the whole audit chain, its anchor and an optional printed slip. */
  'audit.verify': (
    ctx: JobContext,
    input: { witness: AuditWitness | undefined },
  ): AuditVerifyView =>
    verifyAuditTrail(
      {
        repo: new AuditRepository(ctx.db),
        anchor: createAnchorFile(ctx.dataDir),
        hash: sm3AuditHasher,
      },
      input.witness,
    ),

  'reports.build': (ctx: JobContext, q: ReportJob): Report =>
    buildReport(reportSources(ctx), q.report, q.from, q.to, new Date(q.atMs)),

  /** The report written as CSV/XLSX/PDF under <dataDir>/exports. */
  'reports.export': (
    ctx: JobContext,
    q: ReportJob & { format: ReportExportFormat },
  ): ReportExportResult => {
    const at = new Date(q.atMs);
    const report = buildReport(reportSources(ctx), q.report, q.from, q.to, at);
    return writeExport(ctx.dataDir, toDocument(report), q.format, at);
  },

  /** R-RISK: the signals of a period under the thresholds and region limits of the call. */
  'risk.signals': (
    ctx: JobContext,
    q: { from: string; to: string; thresholds: RiskThresholds; region: RegionLimits },
  ): RiskSignal[] =>
    createRiskService({
      db: ctx.db,
      catalog: ctx.catalog,
      thresholds: q.thresholds,
      region: () => q.region,
      log: ctx.log,
    }).compute(q.from, q.to),

  /** R-DELIVERY-REC: the period's delivery orders as CSV under <dataDir>/exports. */
  'delivery.export': (ctx: JobContext, q: { from: string; to: string; atMs: number }) =>
    writeDeliveryExport(ctx.db, ctx.dataDir, q, new Date(q.atMs)),

  /** R-PAPER-KEEP: the inspection archive zip under <dataDir>/exports. */
  'paper.export': (
    ctx: JobContext,
    q: { from: string; to: string; pharmacy: { code: string; name: string }; atMs: number },
  ): PaperExportResult =>
    writePaperExportZip(
      {
        repo: new PaperRepository(ctx.db),
        search: new PaperSearchRepository(ctx.db),
        log: ctx.log,
        pharmacy: q.pharmacy,
        now: () => new Date(q.atMs),
      },
      { from: q.from, to: q.to },
      { dir: path.join(ctx.dataDir, 'exports') },
    ),
} as const;

export type JobName = keyof typeof JOBS;
export type JobInput<K extends JobName> = Parameters<(typeof JOBS)[K]>[1];
export type JobOutput<K extends JobName> = ReturnType<(typeof JOBS)[K]>;

/** Runs one job where the caller is (the reference the job thread's results must equal). */
export function runJob<K extends JobName>(
  ctx: JobContext,
  name: K,
  input: JobInput<K>,
): JobOutput<K> {
  const job = JOBS[name] as (ctx: JobContext, input: JobInput<K>) => JobOutput<K>;
  return job(ctx, input);
}
