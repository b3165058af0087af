import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DispensingLine } from '../../src/domain/dispense/dispensing-lines';
import { decideScan } from '../../src/domain/dispense/scan-decision';
import { packKey, parseScannedCode } from '../../src/domain/trace/parse-scanned-code';
import { loadCatalog } from '../../src/services/catalog-loader';
import { createProductIndex } from '../../src/services/dispense/product-index';
import { CenterRefusedCodeRepository } from '../../src/store/center-refused-code-repository';
import { openDatabase } from '../../src/store/database';
import { SoldCodeRepository } from '../../src/store/sold-code-repository';
import { type BenchRow, percentiles } from './table';

/** The scans' moment: fixes the century of GS1 two-digit years. */
const NOW = new Date('2026-06-01T12:00:00+08:00');

const STORED = 10_000_000;
const SCANS = 2_000;
const PRODUCT_ID = '8010371';
const AMOXICILLIN = 'XJ01CAA040A001010100435';

/** Fills sold_codes with `n` codes of one product in one INSERT … SELECT from a recursive CTE. */
function buildSoldCodes(db: ReturnType<typeof openDatabase>, n: number): number {
  const t = performance.now();
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -262144');
  db.transaction(() => {
    db.prepare(
      `INSERT INTO dispensings (id, hi_rxno, certno, patient_name, staff_id, state, started_at, completed_at, ended_at)
       VALUES (1, 'BENCHRX0001', '500103197803151238', '张伟', 1, 'completed', 0, 0, 0)`,
    ).run();
    db.prepare(
      `WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ? - 1)
       INSERT INTO sold_codes (code, med_list_codg, dispensing_id, sold_at, last_dispensing_id, last_used_at)
       SELECT ? || printf('%013d', i * 7), ?, 1, 0, 1, 0 FROM seq`,
    ).run(n, PRODUCT_ID, AMOXICILLIN);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('foreign_keys = ON');
  return performance.now() - t;
}

/** Scan-to-verdict latency (R-TRACE-ONCE) against 10 million sold codes in a file database. */
export async function benchScanVerdict(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'epc-bench-scan-'));
  const file = path.join(dir, 'counter.db');
  const db = openDatabase(file);
  try {
    const buildMs = buildSoldCodes(db, STORED);
    const sizeMb = Math.round(statSync(file).size / 1_048_576);
    const products = createProductIndex(loadCatalog());
    const sold = new SoldCodeRepository(db);
    const centerRefused = new CenterRefusedCodeRepository(db);
    const line: DispensingLine = {
      lineNo: 1,
      medListCodg: AMOXICILLIN,
      genname: '阿莫西林胶囊',
      splitPack: false,
      unitsPerPack: 24,
      qtyPrescribed: 2,
      qtyUnit: '盒',
      packsPrescribed: 2,
      qtyDispensed: 0,
      days: 7,
    };
    const samples: number[] = [];
    let refused = 0;
    for (let s = 0; s < SCANS; s++) {
      // Half the scans hit a stored code (a repeat), half miss; serials spread over the whole table.
      const serial = Math.floor(Math.random() * STORED) * 7 + (s % 2);
      const raw = `${PRODUCT_ID}${String(serial).padStart(13, '0')}`;
      const t = performance.now();
      const parsed = parseScannedCode(raw, NOW);
      const key = packKey(parsed);
      const verdict = decideScan({
        parsed,
        raw,
        drug: products.drugOf(parsed),
        lines: [line],
        codes: [],
        sold: key ? sold.find(key) : undefined,
        centerRefused: key ? centerRefused.find(key) : undefined,
        today: '2026-01-01',
        at: Date.now(),
      });
      samples.push(performance.now() - t);
      if ('refuse' in verdict) refused++;
    }
    const { median, p99 } = percentiles(samples);
    const note = `${STORED.toLocaleString('en-US')} codes built in ${(buildMs / 1000).toFixed(1)} s (${sizeMb} MB file, WAL); ${SCANS} scans, ${refused} repeats`;
    return [
      { area: 'dispense', name: 'scan → verdict median', value: median, unit: 'ms', note },
      {
        area: 'dispense',
        name: 'scan → verdict p99',
        value: p99,
        unit: 'ms',
        note,
        target: { op: '<', limit: 16 },
      },
    ];
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
