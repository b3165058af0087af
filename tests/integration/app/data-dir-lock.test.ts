import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../src/sandbox/server';
import { openDatabase } from '../../../src/store/database';

const ROOT = path.resolve(import.meta.dirname, '../../..');
type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

interface Counter {
  child: ChildProcess;
  /** Resolves with the app URL on BROWSER_READY, or rejects when the process exits first. */
  ready: Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** A real counter process in browser mode, as `npm start --browser` runs it. */
function startCounter(dataDir: string, sandboxUrl: string): Counter {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/host/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', EPC_DATA_DIR: dataDir, EPC_SANDBOX_URL: sandboxUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stderr: string;
  }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, stderr })));
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      stdout += c.toString();
      const m = /BROWSER_READY (\S+)/.exec(stdout);
      if (m?.[1]) resolve(m[1]);
    });
    void exited.then(({ code }) => reject(new Error(`counter exited (${code}): ${stderr}`)));
  });
  ready.catch(() => undefined);
  return { child, ready, exited };
}

/** What the first counter is in the middle of: an upload it has claimed and is sending. */
function markInFlight(dbFile: string, msgid: string): void {
  const db = openDatabase(dbFile);
  const now = Date.now();
  db.prepare(
    `INSERT INTO outbox (msgid, channel, infno, body, ordering_key, status, attempts, next_attempt_at,
                         created_at, updated_at)
     VALUES (?, 'fsi', '3505', '{}', NULL, 'in_flight', 1, ?, ?, ?)`,
  ).run(msgid, now, now, now);
  db.close();
}

function outboxRow(dbFile: string, msgid: string) {
  const db = openDatabase(dbFile);
  const row = db
    .prepare('SELECT status, attempts, updated_at AS updatedAt FROM outbox WHERE msgid = ?')
    .get(msgid);
  db.close();
  return row as { status: string; attempts: number; updatedAt: number };
}

describe('one counter process per data folder', () => {
  let sandbox: Sandbox;
  let dir: string;
  const running: ChildProcess[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'epc-lock-'));
    sandbox = await startSandbox({ port: 0, dbFile: path.join(dir, 'sandbox.db') });
  });
  afterAll(async () => {
    for (const c of running) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a second launch says the counter is running, exits non-zero and leaves the first one’s in-flight call alone; a read-only CLI keeps working; after SIGKILL a new start works [ARCH]', async () => {
    const dataDir = path.join(dir, 'app');
    const dbFile = path.join(dataDir, 'counter.db');
    const first = startCounter(dataDir, sandbox.url);
    running.push(first.child);
    const firstUrl = await first.ready;
    const msgid = 'P50010300001202612062130001234';
    markInFlight(dbFile, msgid);
    const before = outboxRow(dbFile, msgid);

    const second = startCounter(dataDir, sandbox.url);
    running.push(second.child);
    const outcome = await Promise.race([
      second.exited,
      second.ready.then(() => ({ code: null, signal: null, stderr: 'second counter started' })),
    ]);
    expect(outcome.code).toBe(1);
    const lines = outcome.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^柜台程序已在运行/);
    // The second process ran no start-up recovery: the first's call is still in flight.
    expect(outboxRow(dbFile, msgid)).toEqual(before);
    // A command-line tool that reads the folder keeps working next to the running counter.
    const audit = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/audit.ts', 'verify', '--data', dataDir],
      { cwd: ROOT, encoding: 'utf8', timeout: 30_000 },
    );
    expect(audit.status, audit.stderr).toBe(0);
    // And the first counter still serves.
    expect((await fetch(`${firstUrl}/api/app.info`, { method: 'POST', body: '{}' })).status).toBe(
      200,
    );

    first.child.kill('SIGKILL');
    await first.exited;
    const third = startCounter(dataDir, sandbox.url);
    running.push(third.child);
    await expect(third.ready).resolves.toMatch(/^http:\/\/127\.0\.0\.1:/);
    // Its own start-up recovery ran: the killed process's call was taken back (and resent).
    expect(outboxRow(dbFile, msgid).updatedAt).toBeGreaterThan(before.updatedAt);
    third.child.kill('SIGTERM');
    await third.exited;
  });
});
