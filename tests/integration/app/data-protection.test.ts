import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateOnly } from '../../../src/center/clock';
import type { ReportExportResult } from '../../../src/contract/types-reports';
import { lockDataDir } from '../../../src/store/data-dir-lock';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';

const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
if (!pharmacist) throw new Error('demo data missing');

const mode = (file: string) => statSync(file).mode & 0o777;

describe('the data folder is readable by the counter’s own OS account only', () => {
  let h: Harness;
  let token: string;

  beforeAll(async () => {
    h = await startHarness();
    const login = await h.api<{ token: string }>('auth.login', {
      username: pharmacist.username,
      password: pharmacist.password,
    });
    token = login.value?.token ?? '';
  });
  afterAll(async () => h?.close());

  it('the folder is 0700 and the database, its WAL and the lock file are 0600', () => {
    const dataDir = h.services.config.dataDir;
    expect(mode(dataDir)).toBe(0o700);
    for (const name of ['counter.db', 'counter.db-wal', 'counter.lock']) {
      expect(mode(path.join(dataDir, name)), name).toBe(0o600);
    }
  });

  it('an exported report is 0600 in a 0700 exports folder', async () => {
    const today = dateOnly(new Date());
    const r = await h.api<ReportExportResult>(
      'reports.export',
      { report: 'settlements-daily', from: today, to: today, format: 'csv' },
      token,
    );
    expect(r.ok, r.error?.message).toBe(true);
    const file = r.value?.path ?? '';
    expect(mode(file)).toBe(0o600);
    expect(mode(path.dirname(file))).toBe(0o700);
    expect(readdirSync(path.dirname(file)).some((n) => n.endsWith('.part'))).toBe(false);
  });
});

describe('a data folder left open by an older version', () => {
  it('is tightened to 0700 at start', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'epc-private-'));
    const dataDir = path.join(root, 'app');
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o755);
    const lock = lockDataDir(dataDir);
    try {
      expect(mode(dataDir)).toBe(0o700);
    } finally {
      lock.release();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
