import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dateTime, parseDateTime } from '../../src/center/clock';
import type { ReportExportFormat, ReportId } from '../../src/contract/types-reports';
import { loadCatalog } from '../../src/services/catalog-loader';
import { buildReport, type ReportSources } from '../../src/services/reports/build-report';
import { toDocument } from '../../src/services/reports/export/to-document';
import { writeExport } from '../../src/services/reports/export/write-export';
import { type Db, openDatabase } from '../../src/store/database';
import { MIGRATIONS } from '../../src/store/migrations';
import { OutboxReportRepository } from '../../src/store/outbox-report-repository';
import { ReportRepository } from '../../src/store/report-repository';
import { benchJobs, cheapCall, measureStall, type Stall, stallRow } from './stall';
import { type BenchRow, percentiles } from './table';

/** One year of a busy pharmacy: 200,000 sales, a fifth of them self-pay. */
const SALES = 200_000;
const SELF_PAY_SHARE = 0.2;
const RUNS = 5;
const YEAR = { from: '2024-01-01', to: '2024-12-31' };
const REPORTS: ReportId[] = [
  'settlements-daily',
  'dispensing-by-drug',
  'catalog-coverage',
  'outbox-health',
  'flowed-prices',
];
const FORMATS: ReportExportFormat[] = ['csv', 'xlsx', 'pdf'];
const DAY_MS = 86_400_000;

/** Deterministic pseudo-random numbers (mulberry32), so every run seeds the same year. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A 2102 request with the header fields buildRequest writes, so rows are as large as real ones. */
function request(msgid: string, rxno: string, at: number, detail: object[], medfeeFen: number) {
  return JSON.stringify({
    infno: '2102',
    msgid,
    mdtrtarea_admvs: '500103',
    insuplc_admdvs: '500103',
    recer_sys_code: 'FSI_LOCAL',
    dev_no: 'POS-01',
    dev_safe_info: '',
    cainfo: '',
    signtype: '',
    infver: 'V1.0',
    opter_type: '1',
    opter: 'yaoshi',
    opter_name: '张敏',
    inf_time: dateTime(new Date(at)),
    fixmedins_code: 'P50010300001',
    fixmedins_name: '沙箱示范药房',
    sign_no: '9001202401010001',
    input: {
      druginfo: {
        psn_no: '50000000000000000001',
        mdtrt_cert_type: '02',
        mdtrt_cert_no: '500103199001011234',
        card_sn: '',
        medfee_sumamt: medfeeFen / 100,
        insutype: '310',
        acct_used_flag: '1',
        med_type: '41',
        rxno,
        rx_circ_flag: '1',
      },
      drugdetail: detail,
    },
  });
}

/** Seeds the year with plain batched inserts in one transaction (fresh file, no fsync per row). */
export function seedYear(db: Db): { settlements: number; selfPay: number; outbox: number } {
  const rnd = random(20240101);
  const drugs = [...loadCatalog().values()].filter((d) => d.classes.length === 0);
  // A few drugs sell far more than the rest, as at a real counter.
  const pickDrug = () => drugs[Math.floor(drugs.length * rnd() ** 2)] ?? drugs[0];
  const start = parseDateTime(`${YEAR.from} 08:00:00`)?.getTime() ?? 0;
  db.pragma('synchronous = OFF');
  db.prepare(
    `INSERT INTO staff (id, username, display_name, role, pharmacist_code, password_hash, created_at)
     VALUES (1, 'yaoshi', '张敏', 'pharmacist', 'Y1', 'x', 0)`,
  ).run();
  const batch = db.prepare(
    `INSERT INTO stock_batches (id, med_list_codg, batch_no, expiry, packs_received, packs_on_hand,
      received_by, received_at) VALUES (?, ?, 'B1', '2099-12-31', 10000000, ?, 1, 0)`,
  );
  const rx = db.prepare(
    `INSERT INTO prescriptions (hi_rxno, rx_trace_code, fixmedins_code, fixmedins_name, patient_name,
      certno, prsc_time, status_codg, status_name, epc_token, reply, rx_file, local_valid, local_code,
      local_reason, cert_info, altered_fields, center_state, center_message, verification,
      downloaded_by, downloaded_at, checked_at)
     VALUES (?, 'T', 'H50010300001', '沙箱示范医院', '患者', '500103199001011234', '2024-01-01 08:00:00',
      '1', '有效', 'tok', '{}', x'00', 1, '0', '', NULL, '[]', 'passed', '', 'verified', 1, ?, ?)`,
  );
  const dispensing = db.prepare(
    `INSERT INTO dispensings (id, hi_rxno, certno, patient_name, staff_id, state, started_at,
      completed_at, ended_at) VALUES (?, ?, '500103199001011234', '患者', 1, ?, ?, ?, ?)`,
  );
  const line = db.prepare(
    `INSERT INTO dispensing_lines (dispensing_id, line_no, med_list_codg, genname, split_pack,
      units_per_pack, qty_prescribed, qty_unit, packs_prescribed, qty_dispensed, days)
     VALUES (?, ?, ?, ?, 0, NULL, ?, '盒', ?, ?, 7)`,
  );
  const alloc = db.prepare(
    'INSERT INTO dispensing_allocations (dispensing_id, line_no, batch_id, packs) VALUES (?, ?, ?, ?)',
  );
  const settlement = db.prepare(
    `INSERT INTO settlements (id, dispensing_id, hi_rxno, state, msgid, request, psn_no, insutype,
      insuplc_admdvs, patient_name, certno, staff_id, medfee_fen, setl_id, mdtrt_id, fund_fen,
      acct_fen, cash_fen, refunded_at, created_at, settled_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, '50000000000000000001', '310', '500103', '患者',
      '500103199001011234', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const selfPay = db.prepare(
    'INSERT INTO self_pay_sales (id, staff_id, total_fen, sold_at) VALUES (?, 1, ?, ?)',
  );
  const selfPayLine = db.prepare(
    `INSERT INTO self_pay_lines (sale_id, line_no, med_list_codg, name, packs, price_fen)
     VALUES (?, 1, ?, ?, ?, ?)`,
  );
  const outbox = db.prepare(
    `INSERT INTO outbox (msgid, channel, infno, body, ordering_key, status, attempts, next_attempt_at,
      created_at, updated_at, delivered_at, response)
     VALUES (?, ?, ?, ?, ?, ?, 1, 0, ?, ?, ?, ?)`,
  );
  const counts = { settlements: 0, selfPay: 0, outbox: 0 };
  const body = JSON.stringify({ infno: 'x', input: { data: 'x'.repeat(600) } });
  const queue = (infno: string, key: string, at: number, parked: boolean, pending: boolean) => {
    counts.outbox += 1;
    const delivery = 300 + Math.floor(rnd() * 4000);
    const status = parked ? 'parked' : pending ? 'pending' : 'delivered';
    outbox.run(
      `MSG${counts.outbox}`,
      infno === '7207' ? 'epc' : 'fsi',
      infno,
      body,
      key,
      status,
      at,
      at + delivery,
      status === 'delivered' ? at + delivery : null,
      status === 'delivered' ? '{"infcode":0}' : null,
    );
  };
  db.transaction(() => {
    for (const [i, d] of drugs.entries())
      batch.run(i + 1, d.medListCodg, 20 + Math.floor(rnd() * 300));
    for (let i = 1; i <= SALES; i++) {
      // Busier towards evenings and spread evenly over the year's days.
      const day = Math.floor(((i - 1) * 366) / SALES);
      const at = start + day * DAY_MS + Math.floor(rnd() * 13 * 3_600_000);
      const last = i > SALES - 40;
      if (rnd() < SELF_PAY_SHARE) {
        const d = pickDrug();
        if (!d) continue;
        const packs = 1 + Math.floor(rnd() * 3);
        selfPay.run(i, packs * d.priceFen, at);
        selfPayLine.run(i, d.medListCodg, d.genname, packs, d.priceFen);
        counts.selfPay += 1;
        queue('3505', `SP${i}`, at, false, last);
        continue;
      }
      const rxno = `RX${String(i).padStart(10, '0')}`;
      const refunded = rnd() < 0.01;
      rx.run(rxno, at - 3_600_000, at - 3_600_000);
      dispensing.run(
        i,
        rxno,
        refunded ? 'returned' : 'completed',
        at - 600_000,
        at - 300_000,
        at - 300_000,
      );
      const lines = 1 + Math.floor(rnd() * 3);
      const detail: object[] = [];
      let medfee = 0;
      const used = new Set<string>();
      for (let n = 1; n <= lines; n++) {
        const d = pickDrug();
        if (!d || used.has(d.medListCodg)) continue;
        used.add(d.medListCodg);
        const packs = 1 + Math.floor(rnd() * 3);
        // Prices change a few times a year: some sales were charged an older price.
        const price = rnd() < 0.1 ? Math.round(d.priceFen * 0.95) : d.priceFen;
        line.run(i, n, d.medListCodg, d.genname, packs, packs, packs);
        alloc.run(i, n, drugs.indexOf(d) + 1, packs);
        detail.push({
          feedetl_sn: `${i}-${n}`,
          rxno,
          rx_circ_flag: '1',
          fee_ocur_time: dateTime(new Date(at)),
          med_list_codg: d.medListCodg,
          medins_list_codg: d.medListCodg,
          det_item_fee_sumamt: (packs * price) / 100,
          cnt: packs,
          pric: price / 100,
        });
        medfee += packs * price;
      }
      const fund = Math.floor(medfee * 0.6);
      const acct = Math.floor((medfee - fund) * rnd());
      counts.settlements += 1;
      settlement.run(
        i,
        i,
        rxno,
        refunded ? 'refunded' : 'settled',
        `M${i}`,
        request(`M${i}`, rxno, at, detail, medfee),
        medfee,
        `S${i}`,
        `D${i}`,
        fund,
        acct,
        medfee - fund - acct,
        refunded ? at + 3_600_000 : null,
        at,
        at + 800,
        at + 800,
      );
      const parked = rnd() < 0.002;
      queue('7207', rxno, at + 800, parked, last);
      queue('3505', rxno, at + 800, false, last);
    }
  })();
  db.pragma('synchronous = FULL');
  db.pragma('optimize');
  return counts;
}

function median(run: () => void): number {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    run();
    samples.push(performance.now() - t);
  }
  return percentiles(samples).median;
}

/**
 * `BENCH_REPORTS_CACHE=<dir>` keeps the seeded year there and reuses it while the schema and
 * the seed are unchanged (the file name is a hash of both), saving the ~40 s seed per run.
 */
function openSeededYear(dir: string): { db: Db; seedMs: number | null; counts: string } {
  const file = path.join(dir, 'counter.db');
  const cacheDir = process.env.BENCH_REPORTS_CACHE;
  const key = createHash('sha256')
    .update(JSON.stringify(MIGRATIONS))
    .update(seedYear.toString())
    .digest('hex')
    .slice(0, 16);
  const cached = cacheDir ? path.join(cacheDir, `reports-${key}.db`) : null;
  if (cached && existsSync(cached)) {
    copyFileSync(cached, file);
    return { db: openDatabase(file), seedMs: null, counts: `reused ${cached}` };
  }
  const db = openDatabase(file);
  const t0 = performance.now();
  const c = seedYear(db);
  const seedMs = performance.now() - t0;
  const counts = `${c.settlements} settlements + ${c.selfPay} self-pay = ${SALES} sales, ${c.outbox} outbox rows`;
  if (cached && cacheDir) {
    mkdirSync(cacheDir, { recursive: true });
    db.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(file, `${cached}.part`);
    renameSync(`${cached}.part`, cached);
  }
  return { db, seedMs, counts };
}

/** `reports`: every report (and each export) over one year of a busy pharmacy, target < 1 s. */
export async function benchReports(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'epc-bench-reports-'));
  const { db, seedMs, counts } = openSeededYear(dir);
  try {
    const src: ReportSources = {
      reports: new ReportRepository(db),
      outbox: new OutboxReportRepository(db),
      catalog: loadCatalog(),
    };
    const now = parseDateTime(`${YEAR.to} 23:00:00`) ?? new Date();
    const cheap = cheapCall(db);
    // The job thread as the counter keeps it: started by an earlier job (audit's row counts a start).
    const jobs = benchJobs(path.join(dir, 'counter.db'), dir, src.catalog);
    await jobs.run('reports.build', {
      report: 'outbox-health',
      from: YEAR.to,
      to: YEAR.to,
      atMs: 0,
    });
    const rows: BenchRow[] = [
      {
        area: 'reports',
        name: 'seed one year',
        value: seedMs === null ? 0 : Math.round(seedMs),
        unit: 'ms',
        note: counts,
      },
    ];
    for (const id of REPORTS) {
      const build = () => buildReport(src, id, YEAR.from, YEAR.to, now);
      build(); // warm the page cache once, as a counter that has been running would be
      rows.push({
        area: 'reports',
        name: `${id} (1 year)`,
        value: median(build),
        unit: 'ms',
        note: `median of ${RUNS}; target < 1000 ms`,
        target: { op: '<', limit: 1000 },
      });
      const q = { report: id, from: YEAR.from, to: YEAR.to, atMs: now.getTime() };
      rows.push(
        await stallRow(
          'reports',
          `report ${id} (1 year) on the counter thread (before)`,
          await measureStall(build, cheap),
          undefined,
          { judged: false },
        ),
        await stallRow(
          'reports',
          `report ${id} (1 year)`,
          await measureStall(() => jobs.run('reports.build', q), cheap),
          'job thread',
        ),
      );
      const report = build();
      let before: Stall = { wallMs: 0, cpuMs: 0, callMs: 0 };
      let after: Stall = { wallMs: 0, cpuMs: 0, callMs: 0 };
      const worse = (a: Stall, b: Stall) =>
        Math.max(b.wallMs, b.callMs) > Math.max(a.wallMs, a.callMs) ? b : a;
      for (const format of FORMATS) {
        before = worse(
          before,
          await measureStall(() => writeExport(dir, toDocument(build()), format, now), cheap),
        );
        after = worse(
          after,
          await measureStall(() => jobs.run('reports.export', { ...q, format }), cheap),
        );
        rows.push({
          area: 'reports',
          name: `${id} as ${format}`,
          value: median(() => writeExport(dir, toDocument(report), format, now)),
          unit: 'ms',
          note: 'render + write + SM3 + Base64, after the report',
        });
      }
      const what = `worst of ${FORMATS.join(', ')}; report + render + write`;
      rows.push(
        await stallRow('reports', `export of ${id} on the counter thread (before)`, before, what, {
          judged: false,
        }),
        await stallRow('reports', `export of ${id}`, after, `job thread; ${what}`),
      );
    }
    await jobs.close();
    return rows;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
