import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateOnly } from '../../../src/center/clock';
import { sm3Hex } from '../../../src/center/crypto';
import type {
  CatalogCoverageReport,
  DailySettlementsReport,
  DispensingByDrugReport,
  FlowedPricesReport,
  OutboxHealthReport,
  ReportExportResult,
} from '../../../src/contract/types-reports';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { settleOnePack } from '../../support/settled-sale';

const AMLODIPINE = 'XC08CAA010A001010201587';
const LORATADINE = 'XR06AXL020A001010101672';
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const cashier = DEMO_STAFF.find((s) => s.role === 'cashier');
const [zhang] = DEMO_PATIENTS;
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !cashier || !zhang || !ownVoucher) throw new Error('demo data missing');
let serial = 770_000;

describe('manager reports over HTTP', () => {
  let h: Harness;
  let token: string;
  let cashierToken: string;
  const today = dateOnly(new Date());
  const ok = async <T>(method: string, input: unknown, as = token): Promise<T> => {
    const r = await h.api<T>(method, input, as);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  const login = async (username: string, password: string) =>
    (await h.api<{ token: string }>('auth.login', { username, password })).value?.token ?? '';

  /** One e-prescription downloaded, reviewed, dispensed (one pack) and settled, as at the counter. */
  const settledSale = () =>
    settleOnePack(h, ok, {
      patient: zhang,
      drug: AMLODIPINE,
      ownVoucher,
      traceCode: `8020741${String(serial++).padStart(13, '0')}`,
    });

  beforeAll(async () => {
    h = await startHarness();
    await h.services.worker.stop();
    token = await login(pharmacist.username, pharmacist.password);
    cashierToken = await login(cashier.username, cashier.password);
    await ok('shift.open', {});
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a real sale and a self-pay sale appear in every report with the settled figures [R-RECON][R-SETTLE][R-PRICE-PUB][R-CATALOG]', async () => {
    const s = await settledSale();
    await ok('sale.selfPay', {
      items: [{ medListCodg: LORATADINE, codes: [`8062221${String(serial++).padStart(13, '0')}`] }],
    });
    const row = h.services.db
      .prepare('SELECT medfee_fen, fund_fen, acct_fen, cash_fen FROM settlements WHERE id = ?')
      .get(s.settlementId) as {
      medfee_fen: number;
      fund_fen: number;
      acct_fen: number;
      cash_fen: number;
    };
    // one pack of amlodipine at the catalog price 26.50
    expect(row.medfee_fen).toBe(2650);

    const q = { from: today, to: today };
    const daily = await ok<DailySettlementsReport>('reports.get', {
      report: 'settlements-daily',
      ...q,
    });
    expect(daily.rows).toHaveLength(1);
    expect(daily.totals).toMatchObject({
      settlements: 1,
      medfeeFen: row.medfee_fen,
      fundFen: row.fund_fen,
      acctFen: row.acct_fen,
      cashFen: row.cash_fen,
      selfPaySales: 1,
      selfPayFen: 1820,
    });

    const drugs = await ok<DispensingByDrugReport>('reports.get', {
      report: 'dispensing-by-drug',
      ...q,
    });
    expect(drugs.rows).toEqual([
      expect.objectContaining({
        medListCodg: AMLODIPINE,
        prescriptions: 1,
        packs: 1,
        amountFen: 2650,
      }),
    ]);

    const prices = await ok<FlowedPricesReport>('reports.get', { report: 'flowed-prices', ...q });
    expect(prices.rows).toEqual([
      expect.objectContaining({
        medListCodg: AMLODIPINE,
        currentPriceFen: 2650,
        soldPacks: 1,
        minSoldFen: 2650,
        maxSoldFen: 2650,
        avgSoldFen: 2650,
      }),
    ]);

    const coverage = await ok<CatalogCoverageReport>('reports.get', {
      report: 'catalog-coverage',
      ...q,
    });
    expect(coverage.stockedVarieties).toBeGreaterThan(0);
    expect(coverage.share).toBeCloseTo(coverage.listedVarieties / coverage.stockedVarieties, 10);
    expect(coverage.meets).toBe(coverage.share >= 0.7);

    const outbox = await ok<OutboxHealthReport>('reports.get', { report: 'outbox-health', ...q });
    const delivered = outbox.byInfno.filter((r) => ['7207', '3505'].includes(r.infno));
    expect(delivered.map((r) => r.infno).sort()).toEqual(['3505', '7207']);
    expect(delivered.every((r) => r.delivered >= 1 && r.avgDeliveryMs !== null)).toBe(true);
    expect(outbox.daily[0]?.queued).toBeGreaterThanOrEqual(3);
  });

  it('exports CSV, XLSX and PDF under the data folder with a Chinese name, size, SM3 and the same bytes for download [R-RECON][R-KEEP]', async () => {
    for (const format of ['csv', 'xlsx', 'pdf'] as const) {
      const r = await ok<ReportExportResult>('reports.export', {
        report: 'settlements-daily',
        from: today,
        to: today,
        format,
      });
      expect(r.fileName).toMatch(
        new RegExp(`^每日结算报表_${today}至${today}_\\d{14}\\.${format}$`),
      );
      expect(path.dirname(r.path)).toBe(path.join(h.services.config.dataDir, 'exports'));
      expect(existsSync(r.path)).toBe(true);
      const bytes = readFileSync(r.path);
      expect(Buffer.from(r.base64, 'base64').equals(bytes)).toBe(true);
      expect(r.bytes).toBe(bytes.length);
      expect(r.sm3).toBe(sm3Hex(bytes));
    }
  });

  it('a cashier reads the takings and the queue but neither dispensing volumes nor any export; bad periods are refused [R-RECON]', async () => {
    const q = { from: today, to: today };
    await ok('reports.get', { report: 'settlements-daily', ...q }, cashierToken);
    await ok('reports.get', { report: 'outbox-health', ...q }, cashierToken);
    const volumes = await h.api(
      'reports.get',
      { report: 'dispensing-by-drug', ...q },
      cashierToken,
    );
    expect(volumes.error?.code).toBe('FORBIDDEN');
    const exported = await h.api(
      'reports.export',
      { report: 'settlements-daily', ...q, format: 'csv' },
      cashierToken,
    );
    expect(exported.error?.code).toBe('FORBIDDEN');
    expect(exported.error?.message).toContain('收银员不能导出报表');
    const reversed = await h.api(
      'reports.get',
      { report: 'settlements-daily', from: today, to: '2000-01-01' },
      token,
    );
    expect(reversed.error).toMatchObject({ code: 'VALIDATION', ruleId: 'R-RECON' });
    const anonymous = await h.api('reports.get', { report: 'settlements-daily', ...q });
    expect(anonymous.error?.code).toBe('UNAUTHENTICATED');
  });
});
