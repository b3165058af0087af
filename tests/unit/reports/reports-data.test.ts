import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/services/catalog-loader';
import { buildReport, type ReportSources } from '../../../src/services/reports/build-report';
import type { Db } from '../../../src/store/database';
import { OutboxReportRepository } from '../../../src/store/outbox-report-repository';
import { ReportRepository } from '../../../src/store/report-repository';
import { addOutbox, addSale, addSelfPay, at, seedDb, setOnHand } from './report-seed';

const A = 'XC08CAA010A001010201587'; // 苯磺酸氨氯地平片, catalog 26.50
const B = 'XR06AXL020A001010101672'; // 氯雷他定片, catalog 18.20
const ZZ = 'ZZ50010300001A00101'; // hospital preparation, not in the insurance catalog
const catalog = loadCatalog();
const NOW = new Date(at('2025-03-02 12:00:00'));

/**
 * A hand-made day (Beijing time) whose every figure is worked out in the comments:
 * on 2025-03-01 four settlements stand (#1 #2 #6 #7) and one dispensing (#5) is unsettled;
 * #3 is a second before the period, #4 the first second after it (refunded the next morning).
 */
function seed(db: Db): void {
  // #1 on the first instant of the day: A×2 at 26.50 → 53.00 = fund 30 + acct 10 + cash 13
  addSale(db, {
    settledAt: at('2025-03-01 00:00:00'),
    completedAt: at('2025-03-01 00:00:00'),
    lines: [{ code: A, qty: 2, priceFen: 2650 }],
    fundFen: 3000,
    acctFen: 1000,
  });
  // #2 on the last second: A×1 at an older price 26.00 + B×3 at 18.20 → 80.60 = 50 + 0 + 30.60
  addSale(db, {
    settledAt: at('2025-03-01 23:59:59'),
    lines: [
      { code: A, qty: 1, priceFen: 2600 },
      { code: B, qty: 3, priceFen: 1820 },
    ],
    fundFen: 5000,
    acctFen: 0,
  });
  // #3 the day before
  addSale(db, {
    settledAt: at('2025-02-28 23:59:59'),
    completedAt: at('2025-02-28 23:59:59'),
    lines: [{ code: A, qty: 1, priceFen: 2650 }],
    fundFen: 2000,
    acctFen: 0,
  });
  // #4 the day after, refunded the same day: B×2 → 36.40 = 20 + 6.40 + 10
  addSale(db, {
    settledAt: at('2025-03-02 00:00:00'),
    completedAt: at('2025-03-02 00:00:00'),
    refundedAt: at('2025-03-02 10:00:00'),
    lines: [{ code: B, qty: 2, priceFen: 1820 }],
    fundFen: 2000,
    acctFen: 640,
  });
  // #5 dispensed, never settled: packs count, no amount
  addSale(db, {
    settledAt: at('2025-03-01 12:10:00'),
    lines: [{ code: A, qty: 1, priceFen: 2650 }],
    fundFen: 0,
    acctFen: 0,
    settled: false,
  });
  // #6 拆零: 5 tablets of B (10 per pack) at 1.82 → 9.10 = 9 + 0 + 0.10; one pack opened
  addSale(db, {
    settledAt: at('2025-03-01 15:00:00'),
    lines: [{ code: B, qty: 5, priceFen: 182, unitsPerPack: 10, packsTaken: 1 }],
    fundFen: 900,
    acctFen: 0,
  });
  // #7 A×1 plus a 5.00 delivery fee outside the prescription → 31.50 = 20 + 0 + 11.50
  addSale(db, {
    settledAt: at('2025-03-01 16:00:00'),
    lines: [{ code: A, qty: 1, priceFen: 2650 }],
    deliveryFeeFen: 500,
    fundFen: 2000,
    acctFen: 0,
  });
  addSelfPay(db, at('2025-03-01 09:00:00'), 1500);
  addSelfPay(db, at('2025-03-01 23:59:59') + 999, 200);
  addSelfPay(db, at('2025-03-02 00:00:00'), 999);
  addSelfPay(db, at('2025-02-28 23:59:59') + 999, 777);

  addOutbox(db, {
    infno: '7207',
    status: 'delivered',
    createdAt: at('2025-03-01 10:00:00'),
    deliveredAt: at('2025-03-01 10:00:02'),
  });
  addOutbox(db, {
    infno: '7207',
    status: 'delivered',
    createdAt: at('2025-03-01 23:59:59'),
    deliveredAt: at('2025-03-02 00:00:03'),
  });
  addOutbox(db, {
    infno: '3505',
    status: 'delivered',
    createdAt: at('2025-03-01 08:00:00'),
    deliveredAt: at('2025-03-01 08:00:01'),
  });
  addOutbox(db, { infno: '3505', status: 'pending', createdAt: at('2025-03-01 11:00:00') });
  addOutbox(db, { infno: '7207', status: 'in_flight', createdAt: at('2025-03-02 09:00:00') });
  addOutbox(db, {
    infno: '3505',
    status: 'parked',
    createdAt: at('2025-03-01 12:00:00'),
    updatedAt: at('2025-03-01 12:05:00'),
  });
  addOutbox(db, {
    infno: '9001',
    status: 'delivered',
    createdAt: at('2025-02-28 08:00:00'),
    deliveredAt: at('2025-02-28 08:00:01'),
  });
}

describe('reports over a hand-seeded day', () => {
  let db: Db;
  let src: ReportSources;
  const get = (id: Parameters<typeof buildReport>[1], from: string, to: string) =>
    buildReport(src, id, from, to, NOW);

  beforeAll(() => {
    db = seedDb();
    seed(db);
    src = {
      reports: new ReportRepository(db),
      outbox: new OutboxReportRepository(db),
      catalog,
    };
  });
  afterAll(() => db.close());

  it('daily settlements split fund, account and cash per local day, midnight included and excluded [R-RECON][R-SETTLE]', () => {
    const r = get('settlements-daily', '2025-03-01', '2025-03-01');
    if (r.kind !== 'settlements-daily') throw new Error(r.kind);
    expect(r.rows).toEqual([
      {
        date: '2025-03-01',
        settlements: 4,
        medfeeFen: 5300 + 8060 + 910 + 3150,
        fundFen: 3000 + 5000 + 900 + 2000,
        acctFen: 1000,
        cashFen: 1300 + 3060 + 10 + 1150,
        selfPaySales: 2,
        selfPayFen: 1700,
        refunds: 0,
        refundedFen: 0,
        netFen: 5300 + 8060 + 910 + 3150 + 1700,
      },
    ]);
    const two = get('settlements-daily', '2025-03-01', '2025-03-02');
    if (two.kind !== 'settlements-daily') throw new Error(two.kind);
    expect(two.rows[1]).toEqual({
      date: '2025-03-02',
      settlements: 1,
      medfeeFen: 3640,
      fundFen: 2000,
      acctFen: 640,
      cashFen: 1000,
      selfPaySales: 1,
      selfPayFen: 999,
      refunds: 1,
      refundedFen: 3640,
      netFen: 3640 + 999 - 3640,
    });
    expect(two.totals).toMatchObject({ settlements: 5, medfeeFen: 17_420 + 3640, refunds: 1 });
    // The net figure counts a refunded sale once in and once out (issue 19 minor).
    expect(two.totals.netFen).toBe(
      two.totals.medfeeFen + two.totals.selfPayFen - two.totals.refundedFen,
    );
    expect(two.totals.fundFen + two.totals.acctFen + two.totals.cashFen).toBe(two.totals.medfeeFen);
    const before = get('settlements-daily', '2025-02-28', '2025-02-28');
    if (before.kind !== 'settlements-daily') throw new Error(before.kind);
    expect(before.totals).toMatchObject({ settlements: 1, medfeeFen: 2650, selfPayFen: 777 });
  });

  it('dispensing by drug: packs from stock, amounts from the settled fee lines; the unsettled (held, #5) and returned are not sales [R-RECON]', () => {
    const r = get('dispensing-by-drug', '2025-03-01', '2025-03-01');
    if (r.kind !== 'dispensing-by-drug') throw new Error(r.kind);
    expect(r.rows).toEqual([
      {
        medListCodg: A,
        genname: '苯磺酸氨氯地平片',
        spec: catalog.get(A)?.spec,
        packUnit: '盒',
        prescriptions: 3,
        paperPrescriptions: 0,
        packs: 4,
        amountFen: 5300 + 2600 + 2650,
      },
      {
        medListCodg: B,
        genname: '氯雷他定片',
        spec: catalog.get(B)?.spec,
        packUnit: '盒',
        prescriptions: 2,
        paperPrescriptions: 0,
        packs: 4,
        amountFen: 5460 + 910,
      },
    ]);
    expect(r.totals).toEqual({ prescriptions: 4, packs: 8, amountFen: 16_920 });
    const next = get('dispensing-by-drug', '2025-03-02', '2025-03-02');
    expect(next).toMatchObject({ rows: [], totals: { prescriptions: 0, packs: 0, amountFen: 0 } });
  });

  it('flowed prices: current catalog price beside min, max and average charged per pack [R-PRICE-PUB]', () => {
    const r = get('flowed-prices', '2025-03-01', '2025-03-02');
    if (r.kind !== 'flowed-prices') throw new Error(r.kind);
    const byCode = new Map(r.rows.map((row) => [row.medListCodg, row]));
    expect(byCode.get(A)).toMatchObject({
      currentPriceFen: 2650,
      soldPacks: 4,
      minSoldFen: 2600,
      maxSoldFen: 2650,
      avgSoldFen: Math.round(10_550 / 4),
    });
    // the refunded sale (#4) does not count; 5 tablets of a 10-tablet pack are half a pack
    expect(byCode.get(B)).toMatchObject({
      currentPriceFen: 1820,
      soldPacks: 3.5,
      minSoldFen: 1820,
      maxSoldFen: 1820,
      avgSoldFen: 1820,
    });
    expect(r.rows.map((row) => row.medListCodg)).not.toContain('DELIVERY');
  });

  it('outbox health: waiting and parked now, delivered per transaction with mean time, per day [R-STOCK][R-SALES-UP]', () => {
    const r = get('outbox-health', '2025-03-01', '2025-03-01');
    if (r.kind !== 'outbox-health') throw new Error(r.kind);
    expect(r.pending).toBe(2);
    expect(r.parked).toBe(1);
    expect(r.oldestPendingAgeMs).toBe(NOW.getTime() - at('2025-03-01 11:00:00'));
    expect(r.byInfno).toEqual([
      { infno: '3505', name: '商品销售', delivered: 1, pending: 1, parked: 1, avgDeliveryMs: 1000 },
      {
        infno: '7207',
        name: '药品销售出库明细上传',
        delivered: 1,
        pending: 1,
        parked: 0,
        avgDeliveryMs: 2000,
      },
    ]);
    expect(r.daily).toEqual([{ date: '2025-03-01', queued: 5, delivered: 2, parked: 1 }]);
    const two = get('outbox-health', '2025-03-01', '2025-03-02');
    if (two.kind !== 'outbox-health') throw new Error(two.kind);
    expect(two.byInfno.find((x) => x.infno === '7207')).toMatchObject({
      delivered: 2,
      avgDeliveryMs: 3000,
    });
  });

  it('an empty period has a zero row per day and no drug rows [R-RECON]', () => {
    const s = get('settlements-daily', '2024-12-30', '2025-01-01');
    if (s.kind !== 'settlements-daily') throw new Error(s.kind);
    expect(s.rows.map((x) => x.date)).toEqual(['2024-12-30', '2024-12-31', '2025-01-01']);
    expect(Object.values(s.totals).every((v) => v === 0)).toBe(true);
    expect(get('flowed-prices', '2024-12-30', '2025-01-01')).toMatchObject({ rows: [] });
    const o = get('outbox-health', '2024-12-30', '2025-01-01');
    if (o.kind !== 'outbox-health') throw new Error(o.kind);
    expect(o.daily.every((d) => d.queued + d.delivered + d.parked === 0)).toBe(true);
    expect(o.byInfno.every((x) => x.delivered === 0 && x.avgDeliveryMs === null)).toBe(true);
  });

  it('refuses a reversed period and a date that does not exist [R-RECON]', () => {
    expect(() => get('settlements-daily', '2025-03-02', '2025-03-01')).toThrow(/晚于结束日期/);
    expect(() => get('settlements-daily', '2025-02-30', '2025-03-01')).toThrow(/不是有效日期/);
    expect(() => get('settlements-daily', '2020-01-01', '2025-03-01')).toThrow(/最长/);
  });
});

describe('catalog coverage', () => {
  it('counts stocked varieties in the insurance catalog against the 70% line, the boundary included [R-CATALOG]', () => {
    const db = seedDb();
    const src = {
      reports: new ReportRepository(db),
      outbox: new OutboxReportRepository(db),
      catalog,
    };
    const listed = [...catalog.values()].filter((d) => d.insuranceListed !== false).slice(0, 7);
    expect(catalog.get(ZZ)?.insuranceListed).toBe(false);
    for (const [i, d] of listed.entries()) setOnHand(db, d.medListCodg, i + 1);
    setOnHand(db, ZZ, 3);
    setOnHand(db, 'XNOTINCATALOG0001', 2);
    setOnHand(db, 'XNOTINCATALOG0002', 2);
    const r = buildReport(src, 'catalog-coverage', '2025-03-01', '2025-03-01', NOW);
    if (r.kind !== 'catalog-coverage') throw new Error(r.kind);
    expect(r).toMatchObject({
      asOf: '2025-03-02',
      stockedVarieties: 10,
      listedVarieties: 7,
      share: 0.7,
      threshold: 0.7,
      meets: true,
    });
    expect(r.rows.find((x) => x.medListCodg === ZZ)).toMatchObject({
      listed: false,
      packsOnHand: 3,
    });
    expect(r.rows.find((x) => x.medListCodg === 'XNOTINCATALOG0001')?.listed).toBe(false);
    expect(r.rows.slice(0, 7).every((x) => x.listed)).toBe(true);

    setOnHand(db, listed[0]?.medListCodg ?? '', 0);
    const below = buildReport(src, 'catalog-coverage', '2025-03-01', '2025-03-01', NOW);
    expect(below).toMatchObject({ stockedVarieties: 9, listedVarieties: 6, meets: false });
    db.close();
  });
});

describe('migration 10 on a database with sales', () => {
  it('copies the fee lines and per-drug facts of sales recorded before it and then freezes their requests [R-PRICE-PUB][R-RECON][R-KEEP]', async () => {
    const { MIGRATIONS, migrate } = await import('../../../src/store/migrations');
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 9));
    db.prepare(
      `INSERT INTO staff (id, username, display_name, role, pharmacist_code, password_hash, created_at)
       VALUES (1, 'yaoshi', '药师', 'pharmacist', 'Y1', 'x', 0)`,
    ).run();
    // Created before migration 10: no trigger yet; the migration's backfill must find it.
    const before = addSale(db, {
      settledAt: at('2025-03-01 10:00:00'),
      lines: [{ code: A, qty: 2, priceFen: 2500 }],
      fundFen: 1000,
      acctFen: 0,
    });
    expect(
      db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'settlement_fee_lines'").get(),
    ).toBeUndefined();
    migrate(db);
    const lines = db
      .prepare(
        'SELECT line_no, med_list_codg, cnt, price_units, amount_fen FROM settlement_fee_lines WHERE settlement_id = ?',
      )
      .all(before.settlementId);
    expect(lines).toEqual([
      { line_no: 1, med_list_codg: A, cnt: 2, price_units: 250_000, amount_fen: 5000 },
    ]);
    expect(() =>
      db.prepare("UPDATE settlements SET request = '{}' WHERE id = ?").run(before.settlementId),
    ).toThrow(/已冻结/);
    // The per-drug reports read what the migration derived for the earlier sale.
    const src = {
      reports: new ReportRepository(db),
      outbox: new OutboxReportRepository(db),
      catalog,
    };
    const dispensed = buildReport(src, 'dispensing-by-drug', '2025-03-01', '2025-03-01', NOW);
    expect(dispensed).toMatchObject({
      rows: [{ medListCodg: A, prescriptions: 1, packs: 2, amountFen: 5000 }],
      totals: { prescriptions: 1, packs: 2, amountFen: 5000 },
    });
    const prices = buildReport(src, 'flowed-prices', '2025-03-01', '2025-03-01', NOW);
    expect(prices).toMatchObject({
      rows: [
        { medListCodg: A, soldPacks: 2, minSoldFen: 2500, maxSoldFen: 2500, avgSoldFen: 2500 },
      ],
    });
    db.close();
  });
});
