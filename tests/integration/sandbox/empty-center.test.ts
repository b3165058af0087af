import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { startSandbox } from '../../../src/sandbox/server';

it('an unseeded sandbox starts empty: no patients, institutions or certificates [ARCH]', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'empty-center-'));
  const sandbox = await startSandbox({ port: 0, dbFile: path.join(dir, 's.db'), seed: false });
  try {
    const count = (table: string) =>
      sandbox.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    expect([count('patients'), count('institutions'), count('institution_certs')]).toEqual([
      0, 0, 0,
    ]);
    const crl = await fetch(`${sandbox.url}/epc/api/x/crl`);
    expect(crl.status).toBe(200);
  } finally {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
