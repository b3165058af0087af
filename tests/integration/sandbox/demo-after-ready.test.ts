import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PRESCRIPTIONS } from '../../../src/sandbox/hospital/demo-prescriptions';
import { type RunningSandbox, startSandbox } from '../../../src/sandbox/server';

describe('demo prescriptions off the path to the first screen', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sandbox-demo-later-'));
  let sandbox: RunningSandbox | undefined;
  afterAll(async () => {
    await sandbox?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts requests before the demo prescriptions exist and creates all of them afterwards [ARCH][issue 20 cold start]', async () => {
    sandbox = await startSandbox({
      port: 0,
      dbFile: path.join(dir, 'sandbox.db'),
      demoPrescriptionsAfterReady: true,
    });
    const db = sandbox.db;
    const prescriptions = () => db.prepare('SELECT count(*) FROM epc_prescriptions').pluck().get();
    expect(prescriptions()).toBe(0);
    // The center answers while the seeding is still under way.
    const page = await fetch(`${sandbox.url}/x/hospital`);
    expect(page.status).toBe(200);
    const health = async () =>
      ((await (await fetch(`${sandbox?.url}/x/sandbox/health`)).json()) as Record<string, unknown>)
        .demoPrescriptionsReady;
    expect(await health()).toBe(false);
    await sandbox.demoSeeded;
    expect(await health()).toBe(true);
    expect(prescriptions()).toBe(DEMO_PRESCRIPTIONS.length);
  });
});
