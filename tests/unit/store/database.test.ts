import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../../src/store/database';
import { tempDir } from './temp-dir';

describe('openDatabase', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });
  function open(): { db: Db; file: string } {
    const t = tempDir();
    const file = path.join(t.dir, 'nested', 'deeper', 'counter.db');
    const db = openDatabase(file);
    cleanups.push(() => {
      db.close();
      t.cleanup();
    });
    return { db, file };
  }

  it('creates the parent folders of the file [ARCH]', () => {
    const { file } = open();
    expect(existsSync(file)).toBe(true);
  });

  it('commits durably: WAL journal with synchronous=FULL, foreign keys on, busy timeout set [ARCH]', () => {
    const { db } = open();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    // 2 = FULL (0 OFF, 1 NORMAL, 3 EXTRA)
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
  });

  it('opens an in-memory database with the full schema [ARCH]', () => {
    const db = openDatabase(':memory:');
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(
      expect.arrayContaining(['outbox', 'schema_migrations', 'sessions', 'settings', 'staff']),
    );
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });

  it('enforces foreign keys: a session for an unknown staff member is refused [ARCH]', () => {
    const db = openDatabase(':memory:');
    expect(() =>
      db
        .prepare(
          'INSERT INTO sessions (token_hash, staff_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
        )
        .run('t', 999, 1, 2),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
