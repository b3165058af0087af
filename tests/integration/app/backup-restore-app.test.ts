import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditVerifyView } from '../../../src/contract/types-audit';
import type {
  BackupCheckView,
  BackupEntry,
  BackupStatus,
} from '../../../src/contract/types-backup';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { RESTORE_REQUEST_FILE } from '../../../src/services/backup/restore-request';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { latestVersion } from '../../../src/store/migrations';
import { type Harness, startHarness } from '../../support/app-harness';
import { settleOnePack, signedInOnDuty } from '../../support/settled-sale';

const AMLODIPINE = 'XC08CAA010A001010201587';
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const admin = DEMO_STAFF.find((s) => s.role === 'admin');
const [zhang] = DEMO_PATIENTS;
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !admin || !zhang || !ownVoucher) throw new Error('demo data missing');

describe('a restore chosen in the backup panel, applied at the restart', () => {
  let h: Harness;
  let token: string;
  let adminToken: string;
  const ok = async <T>(method: string, input: unknown, as = token): Promise<T> => {
    const r = await h.api<T>(method, input, as);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  const adminLogin = async () =>
    (
      await h.api<{ token: string }>('auth.login', {
        username: admin.username,
        password: admin.password,
      })
    ).value?.token ?? '';
  const requestFile = () => path.join(h.services.config.dataDir, RESTORE_REQUEST_FILE);
  const outboxStatus = (msgid: string) =>
    h.services.db.prepare('SELECT status FROM outbox WHERE msgid = ?').pluck().get(msgid);

  beforeAll(async () => {
    h = await startHarness();
    token = await signedInOnDuty(h, pharmacist);
    adminToken = await adminLogin();
  });
  afterAll(async () => h?.close());

  it('a backup taken with one upload in flight and one waiting is checked, restored through the app and each upload reaches the center exactly once [R-KEEP][R-SALES-UP]', async () => {
    await h.fault({ target: '7207', kind: 'http5xx' });
    await h.fault({ target: '3505', kind: 'http5xx' });
    const sale = await settleOnePack(h, ok, {
      patient: zhang,
      drug: AMLODIPINE,
      ownVoucher,
      traceCode: '80207410000000992001',
    });
    const uploads = h.services.db
      .prepare(
        'SELECT o.msgid, o.infno FROM sale_uploads u JOIN outbox o ON o.msgid = u.msgid WHERE u.settlement_id = ?',
      )
      .all(sale.settlementId) as Array<{ msgid: string; infno: string }>;
    expect(uploads.map((u) => u.infno).sort()).toEqual(['3505', '7207']);

    // The first upload is on the wire (the center is slow), the second waits behind it, while
    // the backup is taken.
    await h.clearFaults();
    await h.fault({ target: '7207', kind: 'delay', delayMs: 1000 });
    await h.fault({ target: '3505', kind: 'delay', delayMs: 1000 });
    const statuses = () => uploads.map((u) => outboxStatus(u.msgid)).sort();
    const sending = h.services.worker.sendNow();
    const deadline = Date.now() + 5000;
    while (!statuses().includes('in_flight') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(statuses()).toEqual(['in_flight', 'pending']);
    const status = await ok<BackupStatus>('backup.run', {}, adminToken);
    const backupName = path.basename(status.last?.folder ?? '');
    await sending;
    await h.clearFaults();
    await h.services.worker.sendNow();
    for (const u of uploads) expect(outboxStatus(u.msgid)).toBe('delivered');

    const list = await ok<BackupEntry[]>('backup.list', {}, adminToken);
    expect(list[0]).toMatchObject({ name: backupName, schemaVersion: latestVersion() });
    expect(list[0]?.bytes).toBeGreaterThan(0);
    expect(list[0]?.createdAt).toBe(status.last?.at);
    const checked = await ok<BackupCheckView>('backup.check', { name: backupName }, adminToken);
    expect(checked.ok).toBe(true);
    expect(checked.findings.map((f) => f.text).join('\n')).toMatch(
      /SQLite 完整性检查通过[\s\S]*数据结构版本[\s\S]*审计链完整/,
    );

    const pharmacistRefused = await h.api(
      'backup.restore',
      { name: backupName, confirm: '确认恢复' },
      token,
    );
    expect(pharmacistRefused.error).toMatchObject({ code: 'FORBIDDEN', ruleId: 'R-KEEP' });
    const unconfirmed = await h.api(
      'backup.restore',
      { name: backupName, confirm: '好' },
      adminToken,
    );
    expect(unconfirmed.error?.code).toBe('VALIDATION');
    expect(unconfirmed.error?.message).toMatch(/请输入“确认恢复”/);
    expect(existsSync(requestFile())).toBe(false);

    const staged = await ok<{ restarting: boolean }>(
      'backup.restore',
      { name: backupName, confirm: '确认恢复' },
      adminToken,
    );
    expect(staged.restarting).toBe(true);
    await h.whenRestarted();
    expect(existsSync(requestFile())).toBe(false);

    // Everybody logs in again; the restored outbox (the backup's: one in flight, one pending)
    // sends both again under their msgids, and the center takes each once.
    expect((await h.api('auth.session', {}, adminToken)).error?.code).toBe('UNAUTHENTICATED');
    adminToken = await adminLogin();
    await h.services.worker.sendNow();
    for (const u of uploads) expect(outboxStatus(u.msgid)).toBe('delivered');
    const center = h.sandbox.db;
    for (const u of uploads) {
      expect(
        center
          .prepare('SELECT count(*) FROM processed_messages WHERE msgid = ?')
          .pluck()
          .get(u.msgid),
        u.infno,
      ).toBe(1);
    }
    expect(
      center
        .prepare('SELECT count(*) FROM sales_outbound WHERE setl_id = ?')
        .pluck()
        .get(sale.setlId),
    ).toBe(1);

    // Audited before (in the replaced database's trail) and after (in the restored one's).
    const after = await ok<BackupStatus>('backup.status', {}, adminToken);
    expect(after.lastRestore).toMatchObject({
      ok: true,
      backupName,
      username: admin.username,
      refusal: null,
    });
    const replacedDir = after.lastRestore?.replacedDir ?? '';
    expect(path.basename(replacedDir)).toMatch(/^replaced_\d{17}$/);
    expect(readdirSync(replacedDir)).toEqual(
      expect.arrayContaining(['counter.db', 'audit-anchor.json']),
    );
    const replaced = new Database(path.join(replacedDir, 'counter.db'), { readonly: true });
    const asked = replaced
      .prepare("SELECT username, outcome, detail FROM audit_log WHERE action = 'backup.restore'")
      .all() as Array<{ username: string; outcome: string; detail: string }>;
    replaced.close();
    expect(asked.map((a) => [a.username, a.outcome])).toEqual([
      [pharmacist.username, 'refused'],
      [admin.username, 'ok'],
    ]);
    expect(JSON.parse(asked[1]?.detail ?? '{}')).toMatchObject({ name: backupName });
    const applied = h.services.db
      .prepare("SELECT username, outcome, subject FROM audit_log WHERE action = 'backup.restored'")
      .all();
    expect(applied).toEqual([{ username: admin.username, outcome: 'ok', subject: backupName }]);
    const verify = await ok<AuditVerifyView>('audit.verify', {}, adminToken);
    expect(verify.ok).toBe(true);
  });

  it('a backup failing its check cannot be restored: refused with the failing check, nothing staged, no restart [R-KEEP]', async () => {
    const status = await ok<BackupStatus>('backup.run', {}, adminToken);
    const name = path.basename(status.last?.folder ?? '');
    const dbFile = path.join(status.last?.folder ?? '', 'counter.db');
    const bytes = readFileSync(dbFile);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0xff;
    writeFileSync(dbFile, bytes);

    const checked = await ok<BackupCheckView>('backup.check', { name }, adminToken);
    expect(checked.ok).toBe(false);
    expect(checked.findings.at(-1)).toMatchObject({
      ok: false,
      text: expect.stringMatching(/SM3 摘要不符/),
    });
    const refused = await h.api('backup.restore', { name, confirm: '确认恢复' }, adminToken);
    expect(refused.error).toMatchObject({ code: 'POLICY', ruleId: 'R-KEEP' });
    expect(refused.error?.message).toMatch(/未通过检查，不能恢复.*SM3 摘要不符/);
    expect(existsSync(requestFile())).toBe(false);
    await new Promise((r) => setTimeout(r, 400));
    expect((await h.api('auth.session', {}, adminToken)).ok).toBe(true);
  });

  it('only a backup of the backup folder can be named, never a path [R-KEEP]', async () => {
    for (const name of ['../app', '/tmp/柜台备份_x', '柜台备份_../../etc']) {
      const r = await h.api('backup.check', { name }, adminToken);
      expect(r.ok, name).toBe(false);
      expect(['VALIDATION', 'NOT_FOUND']).toContain(r.error?.code);
    }
  });
});
