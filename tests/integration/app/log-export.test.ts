import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogExportResult } from '../../../src/contract/types-backup';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { beijingDay, type LogFiles, openLogFiles } from '../../../src/services/log-files';
import { createLogger } from '../../../src/services/logger';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { latestVersion } from '../../../src/store/migrations';
import { type Harness, startHarness } from '../../support/app-harness';

const admin = DEMO_STAFF.find((s) => s.role === 'admin');
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const [zhang] = DEMO_PATIENTS;
if (!admin || !pharmacist || !zhang) throw new Error('demo data missing');

describe('log files and the support export', () => {
  let h: Harness;
  let files: LogFiles | null = null;
  const logger = createLogger((line) => files?.write(line));
  let adminToken = '';
  const logsDir = () => path.join(h.services.config.dataDir, 'logs');
  const secrets = () => [zhang.certno, zhang.name, zhang.ecToken, admin.password, adminToken];

  beforeAll(async () => {
    h = await startHarness({ logger });
    files = openLogFiles(logsDir());
    const login = await h.api<{ token: string }>('auth.login', {
      username: admin.username,
      password: admin.password,
    });
    adminToken = login.value?.token ?? '';
    // What a careless call site could hand the logger: the masking must catch it on the way to disk.
    logger.warn('test.personal', {
      certno: zhang.certno,
      psn_name: zhang.name,
      ecToken: zhang.ecToken,
      password: admin.password,
      token: adminToken,
    });
    await h.api('auth.login', { username: admin.username, password: 'wrong-password-1' });
  });
  afterAll(async () => {
    files?.close();
    await h?.close();
  });

  it('the log file is written through the masking: no ID number, name, voucher token, password or session token [R-KEEP][R-AUTH]', () => {
    const names = readdirSync(logsDir());
    expect(names).toContain(`app-${beijingDay(new Date())}.log`);
    const text = names.map((n) => readFileSync(path.join(logsDir(), n), 'utf8')).join('');
    expect(text).toContain('"event":"test.personal"');
    for (const secret of secrets())
      expect(text, 'a secret reached the log file').not.toContain(secret);
  });

  it('导出日志 writes a ZIP of the recent logs and a system-information file without personal data, for an administrator only, audited [R-KEEP][R-AUTH]', async () => {
    const pharmacistToken = (
      await h.api<{ token: string }>('auth.login', {
        username: pharmacist.username,
        password: pharmacist.password,
      })
    ).value?.token;
    const refused = await h.api('log.export', { folder: null }, pharmacistToken);
    expect(refused.error).toMatchObject({ code: 'FORBIDDEN', ruleId: 'R-KEEP' });

    const r = await h.api<LogExportResult>('log.export', { folder: null }, adminToken);
    expect(r.ok, r.error?.message).toBe(true);
    const result = r.value as LogExportResult;
    expect(path.dirname(result.file)).toBe(path.join(h.services.config.dataDir, 'exports'));
    expect(result.logFiles).toBe(1);
    const zip = unzipSync(readFileSync(result.file));
    expect(Object.keys(zip).sort()).toEqual([
      `logs/app-${beijingDay(new Date())}.log`,
      '系统信息.json',
    ]);
    const info = JSON.parse(strFromU8(zip['系统信息.json'] as Uint8Array));
    expect(info).toMatchObject({
      version: 'test',
      mode: 'browser',
      schemaVersion: latestVersion(),
    });
    expect(info.outbox).toEqual(expect.any(Object));
    const all = Object.values(zip)
      .map((u8) => strFromU8(u8))
      .join('\n');
    expect(all).toContain('test.personal');
    for (const secret of secrets())
      expect(all, 'a secret reached the export').not.toContain(secret);

    const audited = h.services.db
      .prepare(
        "SELECT username, outcome, detail FROM audit_log WHERE action = 'log.export' ORDER BY seq",
      )
      .all() as Array<{ username: string; outcome: string; detail: string }>;
    expect(audited.map((a) => [a.username, a.outcome])).toEqual([
      [pharmacist.username, 'refused'],
      [admin.username, 'ok'],
    ]);
    expect(JSON.parse(audited[1]?.detail ?? '{}')).toMatchObject({
      file: result.file,
      logFiles: 1,
    });
  });

  it('a renderer crash report is one masked, truncated log line, without a session, at most 10 a minute [R-AUTH][R-KEEP]', async () => {
    const leaky = `渲染出错：参保人 ${zhang.certno} 电话 13912345678 凭证 ${zhang.ecToken}`;
    const first = await h.api<{ logged: boolean }>('log.rendererError', {
      kind: 'boundary',
      message: leaky,
      stack: `Error: ${leaky}\n${'    at render (app.js:1:1)\n'.repeat(250)}`,
    });
    expect(first).toMatchObject({ ok: true, value: { logged: true } });
    const results: boolean[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await h.api<{ logged: boolean }>('log.rendererError', {
        kind: 'error',
        message: `x${i}`,
      });
      results.push(r.value?.logged ?? false);
    }
    expect(results.filter(Boolean)).toHaveLength(9);
    const lines = readdirSync(logsDir())
      .map((n) => readFileSync(path.join(logsDir(), n), 'utf8'))
      .join('')
      .split('\n')
      .filter((l) => l.includes('"renderer.crash"'))
      .map((l) => JSON.parse(l) as { kind: string; message: string; stack?: string });
    expect(lines).toHaveLength(10);
    expect(lines[0]?.kind).toBe('boundary');
    expect(lines[0]?.message).toMatch(/^渲染出错：参保人 \d{4}\*+\d{4} 电话 139\*+/);
    expect(lines[0]?.stack?.length).toBeLessThanOrEqual(4000);
    const text = JSON.stringify(lines);
    for (const secret of [zhang.certno, '13912345678', zhang.ecToken])
      expect(text).not.toContain(secret);
  });
});
