import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sm3Hex } from '../../src/center/crypto';
import type { StaffMember } from '../../src/domain/staff';
import { loadCatalog } from '../../src/services/catalog-loader';
import { silentLogger } from '../../src/services/logger';
import { createCaptureService } from '../../src/services/paper/capture-service';
import { writePaperExportZip } from '../../src/services/paper/export-zip';
import { createReadService } from '../../src/services/paper/read-service';
import { loadPolicyPacks } from '../../src/services/policy-loader';
import { type Db, openDatabase } from '../../src/store/database';
import { PaperRepository } from '../../src/store/paper-repository';
import { PaperSearchRepository } from '../../src/store/paper-search-repository';
import { fakePng, idNumber, paperFields } from '../support/paper-fixtures';
import { benchJobs, cheapCall, measureStall, stallRow } from './stall';
import { type BenchRow, percentiles } from './table';

const ARCHIVED = 100_000;
const CAPTURES = 15;
const SEARCHES = 50;
const STAFF: StaffMember = {
  id: 1,
  username: 'bench',
  displayName: '药师',
  role: 'pharmacist',
  pharmacistCode: 'Y1',
};

async function withDatabase<T>(run: (db: Db) => T | Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'epc-bench-paper-'));
  const db = openDatabase(path.join(dir, 'counter.db'));
  db.prepare(
    `INSERT INTO staff (id, username, display_name, role, pharmacist_code, password_hash, created_at)
     VALUES (1, 'bench', '药师', 'pharmacist', 'Y1', 'x', 0)`,
  ).run();
  try {
    return await run(db);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const NAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const DRUGS = [...loadCatalog().values()].filter((d) => d.classes.length === 0 && !d.dualChannel);

/** 100,000 archived prescriptions (one shared image), inserted in one transaction. */
function fill(db: Db): void {
  const bytes = fakePng(1024);
  const sm3 = sm3Hex(bytes);
  db.prepare(
    'INSERT INTO paper_images (sm3, mime, size, bytes, created_at) VALUES (?, ?, ?, ?, 0)',
  ).run(sm3, 'image/png', bytes.length, bytes);
  const rx = db.prepare(
    `INSERT INTO paper_prescriptions (id, institution_code, institution_name, serial_no, rx_date,
      physician_name, patient_name, patient_certno, long_rx, signature_confirmed, stamp_confirmed,
      image_sm3, region_id, warnings, captured_by, created_at)
     VALUES (?, ?, '医院', ?, ?, '医生', ?, ?, 0, 1, 1, ?, '500000', '[]', 1, ?)`,
  );
  const line = db.prepare(
    `INSERT INTO paper_prescription_lines (paper_id, line_no, med_list_codg, genname, spec, unit,
      quantity, days, dual_channel) VALUES (?, ?, ?, ?, '', '盒', 1, 7, 0)`,
  );
  const start = Date.parse('2025-01-01T00:00:00+08:00');
  db.transaction(() => {
    for (let i = 1; i <= ARCHIVED; i++) {
      const day = Math.floor(((i - 1) * 700) / ARCHIVED);
      const at = start + day * 86_400_000;
      const name = `${NAMES[i % 10]}${NAMES[(i * 7) % 10]}${i % 997}`;
      rx.run(
        i,
        `H5001030${String(i % 50).padStart(4, '0')}`,
        `S${String(i).padStart(8, '0')}`,
        new Date(at + 8 * 3600_000).toISOString().slice(0, 10),
        name,
        idNumber(`5001031980${String(i).padStart(7, '0')}`),
        sm3,
        at,
      );
      for (let n = 0; n < 2; n++) {
        const d = DRUGS[(i + n * 3) % DRUGS.length];
        if (d) line.run(i, n + 1, d.medListCodg, d.genname);
      }
    }
  })();
}

export async function benchPaper(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const packs = loadPolicyPacks(path.resolve(import.meta.dirname, '../../config/policy'));
  const pack = packs.find((p) => p.id === '500000');
  if (!pack) throw new Error('500000 pack missing');
  const catalog = loadCatalog();

  await withDatabase(async (db) => {
    const capture = createCaptureService({
      repo: new PaperRepository(db),
      catalog,
      pack: () => pack,
      log: silentLogger,
      now: () => new Date(),
    });
    const samples: number[] = [];
    for (let i = 0; i < CAPTURES; i++) {
      const image = fakePng(2 * 1024 * 1024).toString('base64');
      const fields = paperFields();
      const t = performance.now();
      await capture.capture(STAFF, fields, image);
      samples.push(performance.now() - t);
    }
    const { median, p99 } = percentiles(samples);
    rows.push({
      area: 'paper',
      name: 'capture to saved, 2 MB image (median)',
      value: median,
      unit: 'ms',
      note: `Base64 decode, SM3, checks, one durable commit (WAL, synchronous=FULL); max ${p99.toFixed(1)} ms of ${CAPTURES}`,
    });
  });

  await withDatabase(async (db) => {
    const t0 = performance.now();
    fill(db);
    const built = performance.now() - t0;
    const read = createReadService({
      db,
      repo: new PaperRepository(db),
      search: new PaperSearchRepository(db),
      log: silentLogger,
    });
    const drug = DRUGS[0]?.medListCodg ?? '';
    const queries: Array<[string, Record<string, string>]> = [
      ['patient name prefix', { patientName: '李黄1' }],
      ['patient ID number', { patientCertno: idNumber('50010319800054321') }],
      ['institution', { institutionCode: 'H50010300007' }],
      ['serial number', { serialNo: 'S00077777' }],
      ['drug', { medListCodg: drug }],
      ['date range (1 month)', { from: '2025-06-01', to: '2025-06-30' }],
      ['drug + date range', { medListCodg: drug, from: '2025-03-01', to: '2025-03-31' }],
    ];
    for (const [label, q] of queries) {
      const samples: number[] = [];
      let total = 0;
      for (let i = 0; i < SEARCHES; i++) {
        const t = performance.now();
        total = read.search({ ...q, page: 1 + (i % 3), pageSize: 20 }).total;
        samples.push(performance.now() - t);
      }
      const { median, p99 } = percentiles(samples);
      rows.push({
        area: 'paper',
        name: `search 100k archived: ${label} (median)`,
        value: median,
        unit: 'ms',
        note: `${total} matches, page of 20 + total count; p99 ${p99.toFixed(2)} ms; target < 50 ms; archive built in ${(built / 1000).toFixed(1)} s (one transaction)`,
        target: { op: '<', limit: 50, measured: { value: p99, what: 'p99' } },
      });
    }
    // The inspection archive of one month (~4,300 prescriptions) as a zip, from the counter.
    const exportDir = mkdtempSync(path.join(os.tmpdir(), 'epc-bench-paper-export-'));
    try {
      const deps = {
        repo: new PaperRepository(db),
        search: new PaperSearchRepository(db),
        log: silentLogger,
        pharmacy: { code: 'P50010300001', name: '压测药房' },
        now: () => new Date(),
      };
      const range = { from: '2025-06-01', to: '2025-06-30' };
      const cheap = cheapCall(db);
      const stall = await measureStall(
        () => writePaperExportZip(deps, range, { dir: exportDir }),
        cheap,
      );
      const jobs = benchJobs(db.name, exportDir);
      const job = { ...range, pharmacy: deps.pharmacy, atMs: Date.now() };
      await jobs.run('paper.export', { ...job, from: '2000-01-01', to: '2000-01-01' }); // thread up
      const threadStall = await measureStall(() => jobs.run('paper.export', job), cheap);
      await jobs.close();
      rows.push(
        await stallRow(
          'paper',
          'paper archive export (1 month) on the counter thread (before)',
          stall,
          undefined,
          { judged: false },
        ),
        await stallRow('paper', 'paper archive export (1 month)', threadStall, 'job thread'),
      );
    } finally {
      rmSync(exportDir, { recursive: true, force: true });
    }
  });
  return rows;
}
