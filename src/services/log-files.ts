import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { ensurePrivateFolder, PRIVATE_FILE_MODE } from '../store/private-files';

/** One file per Beijing day; past the size cap it rolls to app-<day>.1.log, .2 … (oldest dropped). */
export const LOG_FILE_LIMITS = { maxFileBytes: 5 * 1024 * 1024, partsPerDay: 5, keepDays: 14 };
export type LogFileLimits = typeof LOG_FILE_LIMITS;

const FILE_PATTERN = /^app-(\d{4}-\d{2}-\d{2})(?:\.(\d+))?\.log$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The Beijing calendar day of a moment (the pharmacy's day, whatever the machine's zone). */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

export const logFileName = (day: string, part = 0) =>
  part === 0 ? `app-${day}.log` : `app-${day}.${part}.log`;

/** The log files of a folder, newest first (today's current file, its rolled parts, older days). */
export function listLogFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const order = (name: string) => {
    const m = FILE_PATTERN.exec(name);
    return m ? `${m[1]}:${String(999 - Number(m[2] ?? 0)).padStart(3, '0')}` : '';
  };
  return readdirSync(dir)
    .filter((n) => FILE_PATTERN.test(n))
    .sort((a, b) => order(b).localeCompare(order(a)));
}

/**
 * The counter's log files in `<dataDir>/logs`, owner-only like the rest of the data folder.
 * Lines arrive already masked (logger.ts); this only writes, rolls and prunes. A failure to
 * write a log line never stops the counter.
 */
export function openLogFiles(dir: string, opts: { limits?: LogFileLimits; now?: () => Date } = {}) {
  const limits = opts.limits ?? LOG_FILE_LIMITS;
  const now = opts.now ?? (() => new Date());
  ensurePrivateFolder(dir);
  let day = '';
  let fd: number | null = null;
  let size = 0;

  function open(forDay: string): void {
    if (fd !== null) closeSync(fd);
    day = forDay;
    const file = path.join(dir, logFileName(day));
    fd = openSync(file, 'a', PRIVATE_FILE_MODE);
    size = statSync(file).size;
    prune();
  }

  function roll(): void {
    if (fd !== null) closeSync(fd);
    fd = null;
    rmSync(path.join(dir, logFileName(day, limits.partsPerDay - 1)), { force: true });
    for (let part = limits.partsPerDay - 2; part >= 0; part--) {
      const from = path.join(dir, logFileName(day, part));
      if (existsSync(from)) renameSync(from, path.join(dir, logFileName(day, part + 1)));
    }
    open(day);
  }

  function prune(): void {
    const oldest = beijingDay(new Date(now().getTime() - (limits.keepDays - 1) * DAY_MS));
    for (const name of listLogFiles(dir)) {
      const fileDay = FILE_PATTERN.exec(name)?.[1] ?? '';
      if (fileDay < oldest) rmSync(path.join(dir, name), { force: true });
    }
  }

  return {
    dir,
    write(line: string): void {
      try {
        const today = beijingDay(now());
        if (today !== day || fd === null) open(today);
        const bytes = Buffer.from(`${line}\n`);
        if (size > 0 && size + bytes.length > limits.maxFileBytes) roll();
        size += writeSync(fd as unknown as number, bytes);
      } catch {
        // A full or unplugged disk must not stop a sale; stderr still has the line.
      }
    },
    close(): void {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}

export type LogFiles = ReturnType<typeof openLogFiles>;
