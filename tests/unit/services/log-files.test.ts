import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listLogFiles, logFileName, openLogFiles } from '../../../src/services/log-files';
import { createLogger } from '../../../src/services/logger';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'epc-logs-'));
  dirs.push(d);
  return path.join(d, 'logs');
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('rotating log files in the data folder', () => {
  it('no file passes the size cap, a day keeps at most its parts, files are owner-only [R-KEEP]', () => {
    const dir = tempDir();
    const limits = { maxFileBytes: 1000, partsPerDay: 3, keepDays: 14 };
    const files = openLogFiles(dir, { limits, now: () => new Date('2026-03-02T02:00:00Z') });
    const log = createLogger(files.write);
    for (let i = 0; i < 200; i++) log.info('sale.step', { i, note: 'x'.repeat(40) });
    files.close();
    const names = readdirSync(dir).sort();
    expect(names).toEqual(['app-2026-03-02.1.log', 'app-2026-03-02.2.log', 'app-2026-03-02.log']);
    for (const name of names) {
      const stat = statSync(path.join(dir, name));
      expect(stat.size, name).toBeLessThanOrEqual(limits.maxFileBytes);
      expect(stat.size, name).toBeGreaterThan(limits.maxFileBytes / 2);
      expect(stat.mode & 0o777, name).toBe(0o600);
    }
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    // The newest lines are in the current file, whole lines everywhere.
    const current = readFileSync(path.join(dir, 'app-2026-03-02.log'), 'utf8').trim().split('\n');
    expect(JSON.parse(current.at(-1) ?? '{}')).toMatchObject({ event: 'sale.step', i: 199 });
    expect(listLogFiles(dir)).toEqual([
      'app-2026-03-02.log',
      'app-2026-03-02.1.log',
      'app-2026-03-02.2.log',
    ]);
  });

  it('a new Beijing day opens its own file and days past the keep are removed [R-KEEP]', () => {
    const dir = tempDir();
    let now = new Date('2026-03-01T15:59:00Z'); // 23:59 in Beijing
    const files = openLogFiles(dir, {
      limits: { maxFileBytes: 10_000, partsPerDay: 3, keepDays: 3 },
      now: () => now,
    });
    files.write('{"a":1}');
    writeFileSync(path.join(dir, logFileName('2026-02-20')), 'old\n');
    writeFileSync(path.join(dir, logFileName('2026-02-27', 1)), 'old\n');
    now = new Date('2026-03-01T16:01:00Z'); // 00:01 on 2026-03-02
    files.write('{"a":2}');
    files.close();
    expect(readdirSync(dir).sort()).toEqual(['app-2026-03-01.log', 'app-2026-03-02.log']);
  });
});
