import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OutboxStatus } from '../../../src/contract/types';
import type { AuditVerifyView } from '../../../src/contract/types-audit';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const [patient] = DEMO_PATIENTS;
if (!pharmacist || !patient) throw new Error('demo data missing');

/** The sandbox center npm start started: its own process, a child of the start script. */
function sandboxPidOf(parent: number): number {
  const rows = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(parent)], {
    encoding: 'utf8',
  });
  const row = rows.split('\n').find((r) => r.includes('sandbox'));
  if (!row) throw new Error(`no sandbox process under ${parent}:\n${rows}`);
  return Number(row.trim().split(/\s+/)[0]);
}

async function call<T>(url: string, method: string, input: unknown, token?: string) {
  const res = await fetch(`${url}/api/${method}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(input),
  });
  return (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
}

/**
 * `npm start` runs its bundle (scripts/launch.mjs → dist/host), not the TypeScript sources: the
 * bundle must start the sandbox center it carries, open the services and run the job thread
 * from its own CommonJS file, as the sources do.
 */
describe('npm start from its bundle (issue 20)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'epc-start-bundle-'));
  let child: ChildProcess | undefined;
  let url = '';
  let token = '';
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts the counter on its sandbox, signs in, and verifies the audit trail in the job thread [R-KEEP][R-AUTH]', async () => {
    child = spawn(process.execPath, ['scripts/launch.mjs', '--browser'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: '0',
        SANDBOX_PORT: '0',
        EPC_MODE: '',
        EPC_DATA_DIR: path.join(dir, 'app'),
        SANDBOX_DB: path.join(dir, 'sb.db'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr?.on('data', (c: Buffer) => {
      out += c.toString();
    });
    url = await new Promise<string>((resolve, reject) => {
      const look = () => {
        const m = /BROWSER_READY (\S+)/.exec(out);
        if (m?.[1]) resolve(m[1]);
      };
      child?.stdout?.on('data', look);
      child?.once('exit', (code) => reject(new Error(`start exited ${code}:\n${out}`)));
    });
    expect(out).toMatch(/BROWSER_READY \S+ sandbox=http:\/\/127\.0\.0\.1:\d+/);

    const login = await call<{ token: string }>(url, 'auth.login', {
      username: pharmacist.username,
      password: pharmacist.password,
    });
    expect(login.ok, login.error?.message).toBe(true);
    token = login.value.token;
    const verified = await call<AuditVerifyView>(url, 'audit.verify', {}, token);
    expect(verified.ok, verified.error?.message).toBe(true);
    expect(verified.value).toMatchObject({ ok: true, firstBroken: null });
    expect(verified.value.entries).toBeGreaterThan(0);
  }, 120_000);
  it('the counter outlives its sandbox center: after the center process dies the counter answers, says the center is offline, and keeps its work [R-KEEP][R-SALES-UP]', async () => {
    expect(child?.pid).toBeDefined();
    const sandboxPid = sandboxPidOf(child?.pid as number);
    process.kill(sandboxPid, 'SIGKILL');
    for (let i = 0; i < 2; i++) {
      const lookup = await call(
        url,
        'patient.lookup',
        { certType: '02', certNo: patient.certno },
        token,
      );
      expect(lookup.ok).toBe(false);
    }
    const status = await call<OutboxStatus>(url, 'outbox.status', {}, token);
    expect(status.ok, status.error?.message).toBe(true);
    expect(status.value.center.offline).toBe(true);
    expect((await call(url, 'app.info', {})).ok).toBe(true);
    expect(child?.exitCode).toBeNull();
  }, 60_000);
});
