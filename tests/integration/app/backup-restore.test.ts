import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupStatus } from '../../../src/contract/types-backup';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { checkBackup } from '../../../src/services/backup/check-backup';
import { restoreBackup } from '../../../src/services/backup/restore-backup';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { settleOnePack, signedInOnDuty } from '../../support/settled-sale';

const AMLODIPINE = 'XC08CAA010A001010201587';
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const admin = DEMO_STAFF.find((s) => s.role === 'admin');
const [zhang] = DEMO_PATIENTS;
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !admin || !zhang || !ownVoucher) throw new Error('demo data missing');

describe('online backup and a checked restore', () => {
  let h: Harness;
  let token: string;
  let adminToken: string;
  const ok = async <T>(method: string, input: unknown, as = token): Promise<T> => {
    const r = await h.api<T>(method, input, as);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };

  beforeAll(async () => {
    h = await startHarness();
    token = await signedInOnDuty(h, pharmacist);
    adminToken =
      (
        await h.api<{ token: string }>('auth.login', {
          username: admin.username,
          password: admin.password,
        })
      ).value?.token ?? '';
  });
  afterAll(async () => h?.close());

  it('a backup taken while a sale’s uploads wait is restored after they were delivered: the outbox resends them and the center keeps each once [R-KEEP][R-SALES-UP]', async () => {
    await h.fault({ target: '7207', kind: 'http5xx' });
    await h.fault({ target: '3505', kind: 'http5xx' });
    const sale = await settleOnePack(h, ok, {
      patient: zhang,
      drug: AMLODIPINE,
      ownVoucher,
      traceCode: '80207410000000991001',
    });
    const uploads = h.services.db
      .prepare(
        'SELECT o.msgid, o.infno, o.status FROM sale_uploads u JOIN outbox o ON o.msgid = u.msgid WHERE u.settlement_id = ?',
      )
      .all(sale.settlementId) as Array<{ msgid: string; infno: string; status: string }>;
    expect(uploads.map((u) => [u.infno, u.status]).sort()).toEqual([
      ['3505', 'pending'],
      ['7207', 'pending'],
    ]);

    const cashierRefused = await h.api('backup.run', {}, token);
    expect(cashierRefused.error).toMatchObject({ code: 'FORBIDDEN', ruleId: 'R-KEEP' });
    const status = await ok<BackupStatus>('backup.run', {}, adminToken);
    expect(status.last).toMatchObject({ ok: true, error: null });
    expect(status.overdue).toBe(false);
    const backupDir = status.last?.folder ?? '';
    expect(path.basename(backupDir)).toMatch(/^柜台备份_P\d{11}_\d{17}$/);
    expect(readdirSync(backupDir).sort()).toEqual([
      'audit-anchor.json',
      'counter.db',
      'manifest.json',
    ]);
    expect(statSync(path.join(backupDir, 'counter.db')).mode & 0o777).toBe(0o600);
    expect((await checkBackup(backupDir)).ok).toBe(true);

    await h.clearFaults();
    await h.services.worker.sendNow();
    const delivered = (msgid: string) =>
      h.services.db.prepare('SELECT status FROM outbox WHERE msgid = ?').pluck().get(msgid);
    for (const u of uploads) expect(delivered(u.msgid)).toBe('delivered');

    // A day later the disk fails: the pharmacy restores last night's backup.
    let replacedDir: string | null = null;
    await h.restartCounter(async () => {
      const restored = await restoreBackup({ dataDir: h.services.config.dataDir, backupDir });
      expect(restored.check.ok, JSON.stringify(restored.check.findings)).toBe(true);
      replacedDir = restored.replacedDir;
    });
    expect(readdirSync(replacedDir ?? '')).toContain('counter.db');
    for (const u of uploads) expect(delivered(u.msgid)).toBe('pending');
    await h.services.worker.sendNow();
    for (const u of uploads) expect(delivered(u.msgid)).toBe('delivered');

    const center = h.sandbox.db;
    for (const u of uploads) {
      expect(
        center
          .prepare('SELECT count(*) FROM processed_messages WHERE msgid = ?')
          .pluck()
          .get(u.msgid),
      ).toBe(1);
    }
    expect(
      center
        .prepare('SELECT count(*) FROM sales_outbound WHERE setl_id = ?')
        .pluck()
        .get(sale.setlId),
    ).toBe(1);
    const settled = h.services.db
      .prepare('SELECT state FROM settlements WHERE id = ?')
      .pluck()
      .get(sale.settlementId);
    expect(settled).toBe('settled');
  });

  it('a damaged backup is refused before anything is replaced, saying what is wrong [R-KEEP]', async () => {
    const status = await ok<BackupStatus>('backup.run', {}, adminToken);
    const backupDir = status.last?.folder ?? '';
    const dbFile = path.join(backupDir, 'counter.db');
    const bytes = readFileSync(dbFile);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0xff;
    writeFileSync(dbFile, bytes);
    const before = statSync(path.join(h.services.config.dataDir, 'counter.db')).mtimeMs;
    let result: Awaited<ReturnType<typeof restoreBackup>> | null = null;
    await h.restartCounter(async () => {
      result = await restoreBackup({ dataDir: h.services.config.dataDir, backupDir });
    });
    const refused = result as unknown as Awaited<ReturnType<typeof restoreBackup>>;
    expect(refused.check.ok).toBe(false);
    expect(refused.replacedDir).toBeNull();
    expect(refused.check.findings.at(-1)?.text).toMatch(/SM3 摘要不符/);
    expect(
      statSync(path.join(h.services.config.dataDir, 'counter.db')).mtimeMs,
    ).toBeGreaterThanOrEqual(before);
    expect((await h.api('auth.session', {}, adminToken)).ok).toBe(true);
  });

  it('refuses to restore while the counter runs on the folder', async () => {
    const status = await ok<BackupStatus>('backup.status', {}, adminToken);
    await expect(
      restoreBackup({ dataDir: h.services.config.dataDir, backupDir: status.last?.folder ?? '' }),
    ).rejects.toThrow(/柜台程序已在运行/);
  });

  it('the command line checks a backup, and refuses to restore while the counter runs', async () => {
    const status = await ok<BackupStatus>('backup.run', {}, adminToken);
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/backup.ts', ...args], {
        cwd: path.resolve(import.meta.dirname, '../../..'),
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, EPC_DATA_DIR: h.services.config.dataDir },
      });
    const checked = cli('check', status.last?.folder ?? '');
    expect(checked.status, checked.stderr).toBe(0);
    expect(checked.stdout).toMatch(/✓ SQLite 完整性检查通过/);
    expect(checked.stdout).toMatch(/✓ 审计链完整/);
    const restore = cli('restore', status.last?.folder ?? '');
    expect(restore.status).toBe(1);
    expect(restore.stderr).toMatch(/请先关闭柜台程序/);
  });
});
