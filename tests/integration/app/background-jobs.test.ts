import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateOnly } from '../../../src/center/clock';
import type { AuditVerifyView } from '../../../src/contract/types-audit';
import type { PaperExportResult } from '../../../src/contract/types-paper';
import type { ReportExportResult, ReportId } from '../../../src/contract/types-reports';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { type BackgroundJobs, inPlaceJobs } from '../../../src/services/background/job-runner';
import { loadCatalog } from '../../../src/services/catalog-loader';
import { silentLogger } from '../../../src/services/logger';
import { regionLimitsOf } from '../../../src/services/risk/region-limits';
import { loadRiskThresholds, riskThresholdsFile } from '../../../src/services/risk/thresholds-file';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { beijingToday, fakePng, paperFields } from '../../support/paper-fixtures';
import { settleOnePack, signedInOnDuty } from '../../support/settled-sale';

const AMLODIPINE = 'XC08CAA010A001010201587';
const REPORTS: ReportId[] = [
  'settlements-daily',
  'dispensing-by-drug',
  'catalog-coverage',
  'outbox-health',
  'flowed-prices',
];
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const [zhang] = DEMO_PATIENTS;
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !zhang || !ownVoucher) throw new Error('demo data missing');

/** The check's own duration differs between any two runs; everything else must not. */
const withoutTiming = ({ elapsedMs: _, ...rest }: AuditVerifyView) => rest;

describe('background jobs: the job thread gives what the counter would, and the API uses it', () => {
  let h: Harness;
  let token: string;
  let thread: BackgroundJobs;
  let inPlace: BackgroundJobs;
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await h.api<T>(method, input, token);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };

  beforeAll(async () => {
    h = await startHarness();
    token = await signedInOnDuty(h, pharmacist);
    const sale = await settleOnePack(h, ok, {
      patient: zhang,
      drug: AMLODIPINE,
      ownVoucher,
      traceCode: `80207419${String(Date.now()).slice(-12)}`,
    });
    await ok('delivery.create', {
      settlementId: sale.settlementId,
      recipientName: '赵建国',
      recipientPhone: '13812345678',
      address: '重庆市渝中区民族路188号',
      courier: '同城药品配送',
      feeFen: 800,
      coldChain: false,
    });
    for (const patientName of ['赵建国', '钱秀英']) {
      await ok('paper.capture', {
        ...paperFields({ patientName }),
        imageBase64: fakePng(64 * 1024).toString('base64'),
      });
    }
    const { config, db } = h.services;
    const catalog = loadCatalog(config.catalogFile);
    thread = h.services.jobs;
    inPlace = inPlaceJobs({ db, dataDir: config.dataDir, catalog, log: silentLogger });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('each job gives in the job thread exactly what it gives on the counter thread [R-KEEP][R-RISK][R-RECON][R-PAPER-KEEP][R-DELIVERY-REC]', async () => {
    const before = thread.answeredByThread;
    const today = dateOnly(new Date());
    const atMs = Date.now();

    const verify = await inPlace.run('audit.verify', { witness: undefined });
    expect(verify.ok, verify.verdict).toBe(true);
    expect(verify.entries).toBeGreaterThan(5);
    const verifyThere = await thread.run('audit.verify', { witness: undefined });
    expect(withoutTiming(verifyThere)).toEqual(withoutTiming(verify));

    for (const report of REPORTS) {
      const q = { report, from: today, to: today, atMs };
      expect(await thread.run('reports.build', q), report).toEqual(
        await inPlace.run('reports.build', q),
      );
    }
    const daily = await inPlace.run('reports.build', {
      report: 'settlements-daily',
      from: today,
      to: today,
      atMs,
    });
    expect(JSON.stringify(daily)).toContain('2650');

    for (const format of ['csv', 'xlsx', 'pdf'] as const) {
      const q = { report: 'dispensing-by-drug' as const, from: today, to: today, atMs, format };
      const here: ReportExportResult = await inPlace.run('reports.export', q);
      const bytesHere = readFileSync(here.path);
      const there = await thread.run('reports.export', q);
      expect(there, format).toEqual(here);
      expect(readFileSync(there.path).equals(bytesHere), format).toBe(true);
    }

    const { config, regions } = h.services;
    const risk = {
      from: today,
      to: today,
      thresholds: loadRiskThresholds(riskThresholdsFile(config)),
      region: regionLimitsOf(config, regions)(),
    };
    const signals = await inPlace.run('risk.signals', risk);
    expect(signals.length).toBeGreaterThan(0);
    expect(await thread.run('risk.signals', risk)).toEqual(signals);

    const period = { from: today, to: today, atMs };
    const deliveriesHere = await inPlace.run('delivery.export', period);
    expect(deliveriesHere.rows).toBe(1);
    const csvHere = readFileSync(deliveriesHere.path);
    const deliveriesThere = await thread.run('delivery.export', period);
    expect(deliveriesThere).toEqual(deliveriesHere);
    expect(readFileSync(deliveriesThere.path).equals(csvHere)).toBe(true);

    const paper = { from: beijingToday(), to: beijingToday(), pharmacy: config.pharmacy, atMs };
    const zipHere: PaperExportResult = await inPlace.run('paper.export', paper);
    expect(zipHere.count).toBe(2);
    expect(await thread.run('paper.export', paper)).toEqual(zipHere);

    expect(thread.answeredByThread - before).toBe(1 + REPORTS.length + 3 + 1 + 1 + 1);
  });

  it('the API answers audit verify, reports, risk signals and both exports from the job thread, and still audits them [R-KEEP]', async () => {
    const before = thread.answeredByThread;
    const today = dateOnly(new Date());
    const verify = await ok<AuditVerifyView>('audit.verify', {});
    expect(verify.ok, verify.verdict).toBe(true);
    await ok('reports.get', { report: 'settlements-daily', from: today, to: today });
    await ok('reports.export', {
      report: 'settlements-daily',
      from: today,
      to: today,
      format: 'csv',
    });
    await ok('risk.signals', { from: today, to: today });
    const zip = await ok<PaperExportResult>('paper.export', {
      from: beijingToday(),
      to: beijingToday(),
    });
    expect(zip.count).toBe(2);
    await ok('delivery.export', { from: today, to: today });
    expect(thread.answeredByThread - before).toBe(6);

    const actions = (
      h.services.db
        .prepare('SELECT action FROM audit_log WHERE seq > ? ORDER BY seq')
        .all(verify.head?.seq ?? 0) as Array<{ action: string }>
    ).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining(['audit.verify', 'report.export', 'paper.export', 'delivery.export']),
    );
    const again = await ok<AuditVerifyView>('audit.verify', {});
    expect(again.ok, again.verdict).toBe(true);
  });

  it('a refusal raised in the job thread reaches the counter as the same Chinese refusal with its rule [R-PAPER-KEEP]', async () => {
    const r = await h.api('paper.export', { from: '2026-03-02', to: '2026-03-01' }, token);
    expect(r.ok).toBe(false);
    expect(r.error?.code).toBe('VALIDATION');
    expect(r.error?.message).toContain('导出日期范围无效');
    expect(r.error?.ruleId).toBe('R-PAPER-KEEP');
    expect(r.error?.citation).toBeTruthy();
  });
});
