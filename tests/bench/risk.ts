import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CatalogDrug } from '../../src/domain/catalog/catalog-drug';
import type { AuthenticatedSession } from '../../src/services/auth-service';
import { silentLogger } from '../../src/services/logger';
import { createRiskService } from '../../src/services/risk/risk-service';
import { loadRiskThresholds } from '../../src/services/risk/thresholds-file';
import { type Db, openDatabase } from '../../src/store/database';
import { riskSeeder } from '../unit/risk/seed-db';
import { benchJobs, cheapCall, measureStall, stallRow } from './stall';
import { type BenchRow, percentiles } from './table';

const DISPENSINGS = 200_000;
const PAPER = 5_000;
const REFUSALS = 2_000;
const PATIENTS = 8_000;
const DOCTORS = 120;
const RUNS = 5;
const YEAR_START = Date.parse('2025-01-01T00:00:00+08:00');
const YEAR_MS = 365 * 86_400_000;
const DRUGS = Array.from({ length: 40 }, (_, i) => ({
  medListCodg: `XBENCH${String(i).padStart(3, '0')}`,
  genname: `药品${i}`,
}));

/** risk.signals over one year of a busy pharmacy: 200,000 dispensings (target < 1 s). */
export async function benchRisk(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'epc-bench-risk-'));
  const db = openDatabase(path.join(dir, 'counter.db'));
  try {
    const started = performance.now();
    seedBusyYear(db);
    const seededMs = performance.now() - started;

    const thresholds = loadRiskThresholds(
      path.resolve(import.meta.dirname, '../../config/risk-thresholds.json'),
    );
    const region = {
      regionName: '重庆市',
      longRxMaxDays: 84,
      shortRxWarnDays: 30,
      longRxSource: '本药店设置：长期处方最长84天',
    };
    const risk = createRiskService({
      db,
      catalog: new Map<string, CatalogDrug>(),
      thresholds,
      region: () => region,
      log: silentLogger,
    });
    const session = {
      tokenHash: 'b',
      signNo: null,
      staff: {
        id: 1,
        username: 'b',
        displayName: '药师',
        role: 'pharmacist',
        pharmacistCode: 'Y1',
      },
    } as AuthenticatedSession;
    const times: number[] = [];
    let triggered = 0;
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      triggered = risk
        .signals(session, '2025-01-01', '2025-12-31')
        .filter((s) => s.triggered).length;
      times.push(performance.now() - t0);
    }
    const { median, p99 } = percentiles(times);
    const cheap = cheapCall(db);
    const stall = await measureStall(
      () => risk.signals(session, '2025-01-01', '2025-12-31'),
      cheap,
    );
    const jobs = benchJobs(path.join(dir, 'counter.db'), dir);
    const year = { from: '2025-01-01', to: '2025-12-31', thresholds, region };
    await jobs.run('risk.signals', { ...year, from: '2025-12-31' }); // the thread, already running
    const threadStall = await measureStall(() => jobs.run('risk.signals', year), cheap);
    await jobs.close();
    return [
      {
        area: 'risk',
        name: 'six risk signals over one year (median)',
        value: median,
        unit: 'ms',
        note: `${DISPENSINGS.toLocaleString('en-US')} e-prescription dispensings (${(DISPENSINGS * 1.5).toLocaleString('en-US')} lines), ${PAPER} paper, ${REFUSALS} refused scans; ${triggered}/6 triggered; max ${p99.toFixed(0)} ms of ${RUNS}; target < 1000 ms; seeded in ${(seededMs / 1000).toFixed(1)} s`,
        target: { op: '<', limit: 1000, measured: { value: p99, what: 'max' } },
      },
      await stallRow(
        'risk',
        'six risk signals over one year on the counter thread (before)',
        stall,
        undefined,
        { judged: false },
      ),
      await stallRow('risk', 'six risk signals over one year', threadStall, 'job thread'),
    ];
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One busy year: the dispensings, paper prescriptions and refused scans the row times. */
export function seedBusyYear(db: Db): void {
  const seed = riskSeeder(db);
  db.transaction(() => {
    for (let i = 0; i < DISPENSINGS; i++) {
      const p = (i * 7919) % PATIENTS;
      const drug = DRUGS[(p + (i % 3)) % DRUGS.length] as (typeof DRUGS)[number];
      seed.dispensing({
        hiRxno: `B${i}`,
        at: YEAR_START + Math.floor((i / DISPENSINGS) * YEAR_MS),
        patientName: `患者${p}`,
        certno: `5001031980${String(p).padStart(8, '0')}`,
        drCode: `D${i % DOCTORS}`,
        drName: `医师${i % DOCTORS}`,
        longRx: i % 10 === 0,
        lines: [
          { ...drug, packs: 1 + (i % 4), days: 7 + (i % 4) * 7 },
          ...(i % 2 === 0
            ? [{ ...(DRUGS[(p + 7) % DRUGS.length] as typeof drug), packs: 2, days: 14 }]
            : []),
        ],
      });
    }
    for (let i = 0; i < PAPER; i++) {
      seed.paper({
        at: YEAR_START + Math.floor((i / PAPER) * YEAR_MS),
        institutionCode: `H5001030000${i % 10}`,
        serialNo: `P${i}`,
        physicianName: `医师${i % DOCTORS}`,
        patientName: `患者${i % PATIENTS}`,
        certno: `5001031980${String(i % PATIENTS).padStart(8, '0')}`,
        lines: [{ ...(DRUGS[i % DRUGS.length] as (typeof DRUGS)[number]), quantity: 2, days: 14 }],
      });
    }
    for (let i = 0; i < REFUSALS; i++) {
      seed.refusal(
        `8010371${String(i % 700).padStart(13, '0')}`,
        YEAR_START + i * 15_000_000,
        1 + i,
      );
    }
  }).immediate();
}
