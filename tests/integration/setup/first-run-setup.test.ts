import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  CenterConfigSummary,
  ConnectionReport,
  SetupStatus,
} from '../../../src/contract/types-setup';
import { beijingDate } from '../../../src/domain/calendar';
import { resolveStartMode } from '../../../src/services/setup/data-folder-mode';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import {
  centerFileFor,
  SANDBOX_CA_BASE64,
  type SetupHarness,
  startSetupHarness,
} from '../../support/setup-harness';

const ADMIN = { username: 'zhangli', displayName: '张丽', password: 'Pharm2026x' };
const mode = (file: string) => statSync(file).mode & 0o777;

let h: SetupHarness;
afterEach(async () => h?.close());

type CenterFile = ReturnType<typeof centerFileFor>;

function importConfig(file: unknown, caBase64 = SANDBOX_CA_BASE64) {
  return h.api<CenterConfigSummary>('setup.importCenterConfig', {
    configText: typeof file === 'string' ? file : JSON.stringify(file),
    caFiles: [{ name: 'sandbox-ca.pem', contentBase64: caBase64 }],
  });
}

async function connectionWith(change: (f: CenterFile) => void): Promise<ConnectionReport> {
  const file = centerFileFor(h.sandbox.url);
  change(file);
  expect((await importConfig(file)).ok).toBe(true);
  const r = await h.api<ConnectionReport>('setup.testConnection');
  expect(r.ok, r.error?.message).toBe(true);
  return r.value as ConnectionReport;
}

const stepOf = (report: ConnectionReport, step: string) =>
  report.steps.find((s) => s.step === step);

describe('first-run set-up wizard against the sandbox center over HTTP', () => {
  it('a configuration file with wrong fields is refused field by field in Chinese, and nothing is stored [R-CENTER]', async () => {
    h = await startSetupHarness();
    const file = centerFileFor(h.sandbox.url) as Record<string, unknown> & CenterFile;
    const broken = {
      ...file,
      fsi: { ...file.fsi, baseUrl: 'not-a-url' },
      epc: { ...file.epc, appSecret: undefined },
      pharmacy: { ...file.pharmacy, admdvs: '5001' },
    };
    const r = await importConfig(broken);
    expect(r.ok).toBe(false);
    expect(r.error?.code).toBe('VALIDATION');
    expect(r.error?.message).toContain('医保服务接口地址（fsi.baseUrl）：不是合法的网址');
    expect(r.error?.message).toContain('应用密钥（epc.appSecret）：缺少此项');
    expect(r.error?.message).toContain(
      '统筹区划代码（pharmacy.admdvs）：格式不对（应为 6 位数字的医保区划代码）',
    );
    expect((await importConfig('{ not json')).error?.message).toContain('不是合法的 JSON');
    const badCa = await importConfig(file, Buffer.from('no certificate').toString('base64'));
    expect(badCa.error?.message).toContain('CA 证书文件“sandbox-ca.pem”无法解析');
    expect(existsSync(path.join(h.dataDir, 'center'))).toBe(false);
    expect((await h.api<SetupStatus>('setup.status')).value?.imported).toBeNull();
  });

  it('a configuration whose institution code is not a national 定点医药机构代码 is refused in Chinese, and nothing is stored [ST-EPC-02-002][R-CENTER]', async () => {
    h = await startSetupHarness();
    const file = centerFileFor(h.sandbox.url);
    for (const code of ['p50010300001', 'P5001030000X', 'P500103000']) {
      const r = await importConfig({
        ...file,
        pharmacy: { ...file.pharmacy, fixmedinsCode: code },
      });
      expect(r.error?.code, code).toBe('VALIDATION');
      expect(r.error?.message, code).toMatch(
        /定点医药机构编码（pharmacy\.fixmedinsCode）：定点医药机构代码应为/,
      );
    }
    expect(existsSync(path.join(h.dataDir, 'center'))).toBe(false);
    expect((await h.api<SetupStatus>('setup.status')).value?.imported).toBeNull();
    expect((await importConfig(file)).ok).toBe(true);
  });

  it('after import only non-secret fields come back (appId masked), the region pack follows the pool area, and no secret reaches the log [R-REGION][R-CENTER]', async () => {
    h = await startSetupHarness();
    const file = centerFileFor(h.sandbox.url);
    const r = await importConfig(file);
    expect(r.ok, r.error?.message).toBe(true);
    const summary = r.value as CenterConfigSummary;
    expect(summary.pharmacy).toEqual({
      code: 'P50010300001',
      name: '沙箱示范大药房（渝中店）',
      admdvs: '500103',
    });
    expect(summary.region).toEqual({ id: '500000', name: '重庆市' });
    expect(summary.appIdMasked).toBe(`${file.epc.appId.slice(0, 4)}…${file.epc.appId.slice(-4)}`);
    const status = JSON.stringify(await h.api('setup.status'));
    for (const secret of [
      file.epc.appSecret,
      file.epc.privateKey,
      file.fsi.paasToken,
      file.epc.appId,
    ]) {
      expect(JSON.stringify(summary)).not.toContain(secret);
      expect(status).not.toContain(secret);
    }
    await h.api('setup.testConnection');
    const log = h.logLines.join('\n');
    for (const secret of [file.epc.appSecret, file.epc.privateKey, file.fsi.paasToken]) {
      expect(log).not.toContain(secret);
    }
  });

  it('the connection test passes each step against the right configuration [R-CENTER][R-SIGN]', async () => {
    h = await startSetupHarness();
    const report = await connectionWith(() => {});
    expect(report.steps.map((s) => [s.step, s.ok])).toEqual([
      ['fsi', true],
      ['epc', true],
      ['ca', true],
      ['crl', true],
    ]);
    expect(report.allOk).toBe(true);
  });

  it('a wrong appSecret fails the e-prescription step with its own message [R-CENTER]', async () => {
    h = await startSetupHarness();
    const report = await connectionWith((f) => {
      f.epc.appSecret = '00000000000000000000000000000000';
    });
    expect(report.allOk).toBe(false);
    expect(stepOf(report, 'fsi')?.ok).toBe(true);
    expect(stepOf(report, 'epc')).toMatchObject({ ok: false });
    expect(stepOf(report, 'epc')?.message).toContain('应用密钥不对');
    expect(stepOf(report, 'epc')?.message).toContain('epc.appSecret');
  });

  it('a wrong private key fails the e-prescription step saying the signature was refused [R-CENTER]', async () => {
    h = await startSetupHarness();
    const report = await connectionWith((f) => {
      f.epc.privateKey = 'r4N2OvJ1taGQiTpGQNfebyfU215tFUrvRT9gYAd0bTc=';
    });
    expect(stepOf(report, 'epc')?.ok).toBe(false);
    expect(stepOf(report, 'epc')?.message).toContain('私钥（epc.privateKey）');
  });

  it('a wrong paasToken fails the FSI step; a wrong port fails FSI, EPC and CRL as unreachable [R-CENTER]', async () => {
    h = await startSetupHarness();
    const token = await connectionWith((f) => {
      f.fsi.paasToken = 'wrong-token';
    });
    expect(stepOf(token, 'fsi')?.ok).toBe(false);
    expect(stepOf(token, 'fsi')?.message).toContain('fsi.paasToken');
    expect(stepOf(token, 'epc')?.ok).toBe(true);

    const closedPort = 'http://127.0.0.1:9';
    const port = await connectionWith((f) => {
      f.fsi.baseUrl = closedPort;
      f.epc.baseUrl = closedPort;
      f.trust.crlUrl = `${closedPort}/epc/api/x/crl`;
    });
    expect(stepOf(port, 'fsi')?.message).toContain('无法连接 http://127.0.0.1:9');
    expect(stepOf(port, 'epc')?.message).toContain('无法连接 http://127.0.0.1:9');
    expect(stepOf(port, 'ca')?.ok).toBe(true);
    expect(stepOf(port, 'crl')?.message).toContain('无法从');
    expect(port.steps.filter((s) => !s.ok).map((s) => s.step)).toEqual(['fsi', 'epc', 'crl']);
  });

  it('the first administrator needs a password of 8+ letters and digits, not demo1234, and only one is created [R-KEEP]', async () => {
    h = await startSetupHarness();
    for (const [password, problem] of [
      ['abc123', '至少 8 位'],
      ['abcdefghij', '字母和数字'],
      ['demo1234', '演示密码'],
    ] as const) {
      const r = await h.api('setup.createFirstAdmin', { ...ADMIN, password });
      expect(r.error?.message, password).toContain(problem);
    }
    expect((await h.api<SetupStatus>('setup.status')).value?.adminCreated).toBe(false);
    expect((await h.api('setup.createFirstAdmin', ADMIN)).ok).toBe(true);
    const again = await h.api('setup.createFirstAdmin', { ...ADMIN, username: 'other' });
    expect(again.error?.code).toBe('CONFLICT');
  });

  it('finishing stores the configuration owner-only, closes the wizard, and the new admin logs in while no demo account exists [R-CENTER][R-KEEP][R-REGION]', async () => {
    h = await startSetupHarness();
    const file = centerFileFor(h.sandbox.url);
    await importConfig(file);
    expect((await h.api('setup.finish')).error?.message).toContain('连接测试');
    expect((await h.api<ConnectionReport>('setup.testConnection')).value?.allOk).toBe(true);
    expect((await h.api('setup.finish')).error?.message).toContain('管理员');
    await h.api('setup.createFirstAdmin', ADMIN);
    const done = await h.api('setup.finish');
    expect(done.value).toEqual({ mode: 'real' });
    expect(h.sandboxStarts).toBe(0);
    expect(h.runtime.current().mode).toBe('real');

    const stored = path.join(h.dataDir, 'center/center.json');
    expect(mode(stored)).toBe(0o600);
    expect(mode(path.join(h.dataDir, 'center'))).toBe(0o700);
    expect(mode(path.join(h.dataDir, 'center/ca-1.pem'))).toBe(0o600);
    expect(JSON.parse(readFileSync(stored, 'utf8')).epc.appSecret).toBe(file.epc.appSecret);
    expect(readdirSync(path.join(h.dataDir, 'center'))).not.toContain('demo-mode.json');

    const status = await h.api<SetupStatus>('setup.status');
    expect(status.value?.phase).toBe('configured');
    for (const method of [
      'setup.importCenterConfig',
      'setup.testConnection',
      'setup.createFirstAdmin',
      'setup.chooseDemo',
      'setup.finish',
    ]) {
      const r = await h.api(
        method,
        method === 'setup.importCenterConfig'
          ? { configText: '{}', caFiles: [{ name: 'a', contentBase64: 'AA==' }] }
          : method === 'setup.createFirstAdmin'
            ? ADMIN
            : {},
      );
      expect(r.error?.code, method).toBe('FORBIDDEN');
    }

    const login = await h.api<{ token: string; staff: { role: string } }>('auth.login', {
      username: ADMIN.username,
      password: ADMIN.password,
    });
    expect(login.ok, login.error?.message).toBe(true);
    expect(login.value?.staff.role).toBe('admin');
    for (const demo of DEMO_STAFF) {
      const r = await h.api('auth.login', { username: demo.username, password: demo.password });
      expect(r.error?.code, demo.username).toBe('UNAUTHENTICATED');
    }
    const region = await h.api<{ regionId: string }>('settings.region', {}, login.value?.token);
    expect(region.value?.regionId).toBe('500000');
    // the audit trail's days are Beijing days: from 16:00 UTC the UTC date is a day behind
    const today = beijingDate(new Date());
    const audit = await h.api<{ entries: Array<{ action: string }> }>(
      'audit.list',
      { from: today, to: today },
      login.value?.token,
    );
    expect(audit.ok, audit.error?.message).toBe(true);
    const actions = (audit.value?.entries ?? []).map((r) => r.action);
    for (const a of [
      'setup.importConfig',
      'setup.testConnection',
      'setup.firstAdmin',
      'setup.finish',
    ]) {
      expect(actions, a).toContain(a);
    }

    // The next start of this folder is the real center, and demo mode is refused for it.
    expect(resolveStartMode({}, h.dataDir)).toEqual({ kind: 'real', centerConfigFile: stored });
    expect(() => resolveStartMode({ EPC_MODE: 'demo' }, h.dataDir)).toThrow(
      '不能以演示/培训模式启动',
    );
  });

  it('choosing demo/training mode starts the sandbox and seeds the demo accounts; not once an administrator exists [R-KEEP]', async () => {
    h = await startSetupHarness();
    const before = await h.api('auth.login', { username: 'yaoshi', password: 'demo1234' });
    expect(before.error?.code).toBe('FORBIDDEN');
    expect((await h.api('setup.chooseDemo')).value).toEqual({ mode: 'demo' });
    expect(h.sandboxStarts).toBe(1);
    const login = await h.api('auth.login', { username: 'yaoshi', password: 'demo1234' });
    expect(login.ok, login.error?.message).toBe(true);
    expect(resolveStartMode({}, h.dataDir)).toEqual({ kind: 'demo' });
    await h.close();

    h = await startSetupHarness();
    await h.api('setup.createFirstAdmin', ADMIN);
    const refused = await h.api('setup.chooseDemo');
    expect(refused.error?.code).toBe('CONFLICT');
    expect(h.sandboxStarts).toBe(0);
  });
});
