import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { THREAD_ENTRIES } from '../../../scripts/build-electron';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const ENTRY = /path\.join\(import\.meta\.dirname,\s*'([\w-]+\.ts)'\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Every file that starts a worker thread (itself or as a kept pool), with the entry files it names. */
function threadStarters(): Array<{ file: string; entries: string[] }> {
  return sourceFiles(path.join(ROOT, 'src'))
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }))
    .filter(
      ({ text }) =>
        /\b(startThread|createKeptThreads)\(/.test(text) &&
        !/export function (startThread|createKeptThreads)/.test(text),
    )
    .map(({ file, text }) => ({
      file: path.relative(ROOT, file),
      entries: [...text.matchAll(ENTRY)].map((m) =>
        path.relative(ROOT, path.join(path.dirname(file), m[1] ?? '')),
      ),
    }));
}

describe('worker threads in the desktop bundle', () => {
  it('every thread the counter starts (audit verify, reports, exports, bulk re-verification) has its entry bundled beside main.cjs [R-KEEP]', () => {
    const starters = threadStarters();
    expect(starters.map((s) => s.file).sort()).toEqual([
      'src/center/rx/bulk-verify-threads.ts',
      'src/services/background/job-runner.ts',
      'src/services/rx-reverify/reverify-stored.ts',
    ]);
    for (const s of starters) {
      expect(s.entries, s.file).toHaveLength(1);
      for (const entry of s.entries) expect(THREAD_ENTRIES, s.file).toContain(entry);
    }
    for (const entry of THREAD_ENTRIES)
      expect(existsSync(path.join(ROOT, entry)), entry).toBe(true);
  });
});
