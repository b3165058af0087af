import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, isDataDirLocked, lockDataDir } from '../../../src/store/data-dir-lock';

describe('data-folder lock', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'epc-lock-unit-'));
    dirs.push(d);
    return path.join(d, 'app');
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('a second holder is refused with the one-line Chinese message until the first releases [ARCH]', () => {
    const dir = tempDir();
    const first = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(/^柜台程序已在运行（数据目录 .*）/);
    expect(isDataDirLocked(dir)).toBe(true);
    first.release();
    expect(isDataDirLocked(dir)).toBe(false);
    lockDataDir(dir).release();
  });

  it('takes the lock beside the data, never creating the database [ARCH]', () => {
    const dir = tempDir();
    lockDataDir(dir).release();
    expect(existsSync(path.join(dir, 'counter.lock'))).toBe(true);
    expect(existsSync(path.join(dir, 'counter.db'))).toBe(false);
  });
});
