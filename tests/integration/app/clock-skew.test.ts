import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CenterError, FsiClient } from '../../../src/center/fsi-client';
import { startSandbox } from '../../../src/sandbox/server';
import { centerFailure } from '../../../src/services/center-errors';
import { loadConfig } from '../../../src/services/config';

describe('a counter whose clock is off', () => {
  let dir: string;
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'skew-'));
    sandbox = await startSandbox({
      port: 0,
      dbFile: path.join(dir, 's.db'),
      demoPrescriptions: false,
    });
  });
  afterAll(async () => {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is told in Chinese to set its clock, not that the network is down [ARCH]', async () => {
    const config = loadConfig({
      mode: 'browser',
      version: 'test',
      dataDir: path.join(dir, 'app'),
      sandboxUrl: sandbox.url,
    });
    const fsi = new FsiClient(config.fsi, { now: () => new Date(Date.now() + 10 * 60_000) });
    const err = await fsi
      .call({ infno: '9001', input: { signIn: { opter_no: 'x' } }, opter: 'x', opterName: 'x' })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(CenterError);
    const shown = centerFailure(err, '医保中心签到');
    expect(shown.code).toBe('CENTER_REJECTED');
    expect(shown.message).toContain('校准本机系统时间');
  });
});
