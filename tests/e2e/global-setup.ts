import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Starts the app exactly as `npm start` does in browser mode (sandbox center included) with a
 * throw-away data folder, and hands its URLs to the tests.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const root = path.resolve(import.meta.dirname, '../..');
  const dataRoot = mkdtempSync(path.join(os.tmpdir(), 'epc-e2e-'));
  const child = spawn(process.execPath, ['scripts/launch.mjs', '--browser'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      SANDBOX_PORT: '0',
      EPC_DATA_DIR: path.join(dataRoot, 'app'),
      SANDBOX_DB: path.join(dataRoot, 'sandbox/sandbox.db'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const ready = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`app did not start in 120 s:\n${log}`)),
      120_000,
    );
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const m = /BROWSER_READY (\S+) sandbox=(\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c: Buffer) => {
      log += c.toString();
    });
    child.once('exit', (code) => reject(new Error(`app exited with ${code}:\n${log}`)));
  });
  process.env.E2E_BASE_URL = ready[1];
  process.env.E2E_SANDBOX_URL = ready[2];
  await demoPrescriptionsReady(ready[2] ?? '');
  return async () => {
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dataRoot, { recursive: true, force: true });
  };
}

/** The sandbox creates its demo prescriptions after it is ready (issue 20); specs scan them. */
async function demoPrescriptionsReady(sandboxUrl: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const health = (await (await fetch(`${sandboxUrl}/x/sandbox/health`)).json()) as {
      demoPrescriptionsReady?: boolean;
    };
    if (health.demoPrescriptionsReady) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('sandbox demo prescriptions not created within 120 s');
}
