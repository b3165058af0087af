import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconContract } from '../../../src/contract/contract-recon';
import { reportsContract } from '../../../src/contract/contract-reports';
import { riskContract } from '../../../src/contract/contract-risk';
import type { RxCandidate } from '../../../src/contract/types';
import type { DispensingView } from '../../../src/contract/types-dispense';
import type { DaySummaryPdf, ReportExportResult } from '../../../src/contract/types-reports';
import { createPrescription } from '../../../src/sandbox/hospital/create-prescription';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';

const AMOXICILLIN = 'XJ01CAA040A001010100435';
const REPORT_IDS = [
  'settlements-daily',
  'dispensing-by-drug',
  'catalog-coverage',
  'outbox-health',
  'flowed-prices',
] as const;
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const [zhang, li] = DEMO_PATIENTS;
if (!pharmacist || !zhang || !li) throw new Error('demo data missing');

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * 违规统方 (渝医保办〔2023〕70号 §三(二)1): no period output of the counter may carry a doctor,
 * however it is counted. A single prescription's prescriber stays visible where inspection needs it.
 */
describe('no per-prescriber statistics from any period report [R-NO-STATS]', () => {
  let h: Harness;
  let token = '';
  const doctors = new Set<string>();

  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await h.api<T>(method, input, token);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };

  /** One completed dispensing of an e-prescription by the hospital's first doctor. */
  const dispensedBySameDoctor = async (patient: typeof zhang, n: number) => {
    const rx = await createPrescription(
      { baseUrl: h.sandboxUrl },
      { patient, drugs: [AMOXICILLIN], staffIndex: 0 },
    );
    const found = await ok<RxCandidate[]>('rx.find', { by: 'qr', qr: rx.qr });
    await ok('rx.download', found[0]?.ticket);
    const d = await ok<DispensingView>('dispense.start', { hiRxno: rx.hiRxno });
    const code = `8010371${String((Date.now() + n) % 1e13).padStart(13, '0')}`;
    await ok('dispense.scan', { dispensingId: d.dispensingId, code });
    await ok('dispense.complete', { dispensingId: d.dispensingId });
    return rx.hiRxno;
  };

  beforeAll(async () => {
    h = await startHarness();
    h.services.dispense.useReviewGate({
      isReviewPassed: () => ({ passed: true, reason: '审方已通过' }),
    });
    token = (
      await h.api<{ token: string }>('auth.login', {
        username: pharmacist.username,
        password: pharmacist.password,
      })
    ).value?.token as string;
    const rxnos = [];
    for (const [i, p] of [zhang, li, zhang].entries())
      rxnos.push(await dispensedBySameDoctor(p, i));
    const rows = h.services.db
      .prepare(
        `SELECT reply ->> '$.mdtrtinfo.prsc_dr_name' AS name, reply ->> '$.mdtrtinfo.dr_code' AS code
         FROM prescriptions WHERE hi_rxno IN (${rxnos.map(() => '?').join(',')})`,
      )
      .all(...rxnos) as Array<{ name: string; code: string }>;
    for (const r of rows) {
      doctors.add(r.name);
      doctors.add(r.code);
    }
  });
  afterAll(async () => {
    await h.close();
  });

  it('the three prescriptions share one prescriber, who is named in the stored prescription', () => {
    expect(doctors.size).toBe(2);
    for (const d of doctors) expect(d.length).toBeGreaterThan(1);
  });

  it('risk signals, every report and its exports, and reconciliation name no prescriber [R-NO-STATS]', async () => {
    const outputs: Array<[string, string]> = [];
    const called = new Set<string>();
    const period = { from: today(), to: today() };

    outputs.push(['risk.signals', JSON.stringify(await ok('risk.signals', period))]);
    called.add('risk.signals');
    for (const report of REPORT_IDS) {
      outputs.push([report, JSON.stringify(await ok('reports.get', { report, ...period }))]);
      for (const format of ['csv', 'xlsx', 'pdf'] as const) {
        const file = await ok<ReportExportResult>('reports.export', { report, ...period, format });
        // xlsx is a zip and pdf is compressed: csv is where a name would show as text
        if (format === 'csv')
          outputs.push([`${report}.csv`, Buffer.from(file.base64, 'base64').toString('utf8')]);
      }
    }
    called.add('reports.get').add('reports.export');
    outputs.push(['recon.day', JSON.stringify(await ok('recon.day', { date: today() }))]);
    called.add('recon.day');
    outputs.push(['recon.period', JSON.stringify(await ok('recon.period', period))]);
    const recon = await ok<{ base64: string }>('recon.export', period);
    outputs.push(['recon.export', Buffer.from(recon.base64, 'base64').toString('utf8')]);
    called.add('recon.period').add('recon.export');
    // The store-wide day report holds per-counter totals only (StoreDayReport); a single
    // counter has no store and is told so.
    const storeDay = await h.api('reports.storeDay', { day: today() }, token);
    expect(storeDay.error?.code).toBe('CONFLICT');
    called.add('reports.storeDay');
    // The 日结汇总 lists held dispensings with their drugs, never their prescriber; its PDF is
    // read back as text, as an inspector would see it.
    outputs.push([
      'reports.daySummary',
      JSON.stringify(await ok('reports.daySummary', { day: today() })),
    ]);
    const dayPdf = await ok<DaySummaryPdf>('reports.daySummaryPdf', { day: today() });
    outputs.push([
      'reports.daySummaryPdf',
      execFileSync('pdftotext', ['-layout', '-', '-'], {
        input: Buffer.from(dayPdf.pdfBase64, 'base64'),
        encoding: 'utf8',
      }),
    ]);
    const selfCheck = await ok<ReportExportResult>('reports.acceptanceSelfCheck', {
      format: 'csv',
    });
    outputs.push([
      'reports.acceptanceSelfCheck',
      Buffer.from(selfCheck.base64, 'base64').toString('utf8'),
    ]);
    called
      .add('reports.daySummary')
      .add('reports.daySummaryPdf')
      .add('reports.acceptanceSelfCheck');

    const periodMethods = [
      ...Object.keys(riskContract),
      ...Object.keys(reportsContract),
      ...Object.keys(reconContract),
    ];
    expect([...called].sort(), 'a new period method must be added to this test').toEqual(
      periodMethods.sort(),
    );
    for (const [what, text] of outputs)
      for (const d of doctors) expect(text, `${what} names ${d}`).not.toContain(d);
  });

  it('one prescription still shows its prescriber for inspection [R-NO-STATS]', async () => {
    const [name] = [...doctors];
    const rx = h.services.db.prepare('SELECT hi_rxno FROM prescriptions LIMIT 1').pluck().get();
    const view = await ok('rx.get', { hiRxno: rx });
    expect(JSON.stringify(view)).toContain(name);
  });
});
