import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FsiClient } from '../../../src/center/fsi-client';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { CONFIG, OPTER } from './helpers';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};

interface Started {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
}

/** Runs `npm run sandbox`'s command line (without npm in between, so signals reach it). */
function startProcess(dbFile: string): Promise<Started> {
  const [command, ...args] = (pkg.scripts.sandbox ?? '').split(' ');
  expect(command).toBe('node');
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, SANDBOX_PORT: '0', SANDBOX_DB: dbFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (c: Buffer) => {
    err += c.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no SANDBOX_READY within 30 s: ${out} ${err}`)),
      30_000,
    );
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /^SANDBOX_READY (http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1], stdout: () => out, stderr: () => err });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited early (${code}): ${err}`));
    });
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('npm run sandbox (separate process)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sandbox-proc-'));
  const dbFile = path.join(dir, 'nested', 'sandbox.db');
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const c of children) await stop(c);
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints SANDBOX_READY once, serves the center, keeps replies across a restart and stops on SIGTERM [ARCH]', async () => {
    const first = await startProcess(dbFile);
    children.push(first.child);
    await new Promise((r) => setTimeout(r, 100));
    expect(first.stdout().match(/SANDBOX_READY/g)).toHaveLength(1);
    expect(first.stdout()).toMatch(/医保中心沙箱已启动/);
    expect(first.stderr()).toContain(`已写入 ${DEMO_PATIENTS.length} 名演示参保人`);

    const health = (await (await fetch(`${first.url}/x/sandbox/health`)).json()) as {
      status: string;
    };
    expect(health.status).toBe('ok');
    const fsi = (url: string) =>
      new FsiClient({
        baseUrl: url,
        path: CONFIG.fsi.path,
        paasid: CONFIG.fsi.paasid,
        paasToken: CONFIG.fsi.paasToken,
        fixmedinsCode: CONFIG.pharmacy.fixmedinsCode,
        fixmedinsName: CONFIG.pharmacy.fixmedinsName,
        mdtrtareaAdmvs: CONFIG.pharmacy.admdvs,
        devNo: CONFIG.pharmacy.devNo,
        timeoutMs: 5_000,
      });
    const request = fsi(first.url).buildRequest({
      infno: '9001',
      input: { signIn: { opter_no: 'u' } },
      ...OPTER,
    });
    const answered = await fsi(first.url).send(request);
    expect(answered.infcode).toBe(0);
    expect(await stop(first.child)).toBe(0);

    // the same database after a restart: not seeded twice, and the msgid still replays
    const second = await startProcess(dbFile);
    children.push(second.child);
    expect(second.stderr()).not.toMatch(/已写入/);
    expect(await fsi(second.url).send(request)).toEqual(answered);
    expect(await stop(second.child)).toBe(0);
  });
});
