import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations';
import { makeFilesPrivate } from './private-files';

export type Db = import('better-sqlite3').Database;

/** How long a statement waits for another connection's lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens (creating if needed) the counter's database and brings its schema up to date.
 * `file` may be ':memory:' for tests. `nativeBinding` points at a better-sqlite3 binary built
 * for Electron's ABI (desktop mode); Node uses the one in node_modules.
 */
export function openDatabase(file: string, nativeBinding?: string): Db {
  const inMemory = file === ':memory:' || file === '';
  if (!inMemory) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, nativeBinding ? { nativeBinding } : {});
  try {
    applyPragmas(db, inMemory);
    migrate(db);
    if (!inMemory) makeFilesPrivate(['', '-wal', '-shm'].map((suffix) => `${file}${suffix}`));
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/**
 * A read-only connection of its own to a counter database another connection keeps open (a
 * background job's thread): in WAL mode it neither waits for the writer nor holds it up, and
 * it cannot change anything. Runs no migration: the owner already has.
 */
export function openReadOnlyDatabase(file: string, nativeBinding?: string): Db {
  const db = new Database(file, {
    readonly: true,
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return db;
}

function applyPragmas(db: Db, inMemory: boolean): void {
  // Set first, so that the journal-mode switch below already waits for a competing writer.
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (!inMemory) {
    // WAL: readers (status bar, reports) never block the writer, and a commit is one append.
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (String(mode).toLowerCase() !== 'wal') {
      throw new Error(
        `数据库无法切换到 WAL 日志模式（当前为 ${String(mode)}），请检查数据目录所在磁盘`,
      );
    }
  }
  // FULL: the WAL is fsynced at every commit. With NORMAL a committed sale, settlement or
  // outbox item could vanish on power loss, so the center would never hear of it. Costs one
  // fsync per transaction (see tests/bench/outbox.ts); callers batch where they can.
  db.pragma('synchronous = FULL');
  // SQLite leaves foreign keys off by default, per connection.
  db.pragma('foreign_keys = ON');
}
