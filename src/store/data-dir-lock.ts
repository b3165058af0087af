import path from 'node:path';
import Database from 'better-sqlite3';
import { ensurePrivateFolder, makeFilesPrivate } from './private-files';

/** The lock file inside the data folder (a tiny SQLite database holding one row). */
export const DATA_DIR_LOCK_FILE = 'counter.lock';

/** Another live counter process holds the data folder; nothing was read or changed. */
export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `柜台程序已在运行（数据目录 ${dataDir} 正被另一个柜台进程使用），请切换到已打开的柜台窗口；本次启动未改动任何数据`,
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  /** Gives the folder back (also happens by itself when the process dies, however it dies). */
  release(): void;
}

/**
 * Takes the data folder for this process, before anything opens its database or runs start-up
 * recovery. The lock is an OS file lock held by SQLite on `counter.lock` (fcntl on Unix,
 * LockFileEx on Windows) through a connection in `locking_mode=EXCLUSIVE` that keeps it after
 * its first write until the connection closes. The OS drops such a lock when the process ends,
 * even by SIGKILL or power loss, so a stale lock can never block the next start, and no pid
 * file or liveness guess is needed. A competing process gets SQLITE_BUSY at once (timeout 0).
 * counter.db itself stays in normal WAL mode, so read-only tools keep working alongside.
 */
export function lockDataDir(dataDir: string, nativeBinding?: string): DataDirLock {
  ensurePrivateFolder(dataDir);
  const lockDb = new Database(path.join(dataDir, DATA_DIR_LOCK_FILE), {
    timeout: 0,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    lockDb.pragma('locking_mode = EXCLUSIVE');
    lockDb.exec('BEGIN EXCLUSIVE');
    // A real write, so that the exclusive lock is kept after COMMIT; the row helps a person.
    lockDb.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, since TEXT NOT NULL)');
    lockDb.exec('DELETE FROM holder');
    lockDb
      .prepare('INSERT INTO holder (pid, since) VALUES (?, ?)')
      .run(process.pid, new Date().toISOString());
    lockDb.exec('COMMIT');
    makeFilesPrivate([path.join(dataDir, DATA_DIR_LOCK_FILE)]);
  } catch (err) {
    lockDb.close();
    if (isBusy(err)) throw new DataDirLockedError(dataDir);
    throw err;
  }
  return { release: () => lockDb.close() };
}

/** True when a live counter holds the folder; takes nothing (for launchers, before they start helpers). */
export function isDataDirLocked(dataDir: string, nativeBinding?: string): boolean {
  try {
    lockDataDir(dataDir, nativeBinding).release();
    return false;
  } catch (err) {
    if (err instanceof DataDirLockedError) return true;
    throw err;
  }
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}
