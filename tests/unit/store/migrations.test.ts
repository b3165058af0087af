import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/store/database';
import {
  currentVersion,
  DatabaseVersionError,
  latestVersion,
  MIGRATIONS,
  type Migration,
  migrate,
} from '../../../src/store/migrations';
import { tempDir } from './temp-dir';

describe('migrations', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });
  function dbFile(): string {
    const t = tempDir();
    cleanups.push(t.cleanup);
    return t.file('counter.db');
  }

  it('apply once, in order, recorded with name and time; reopening twice applies nothing again [ARCH]', () => {
    const file = dbFile();
    openDatabase(file).close();
    openDatabase(file).close();
    const db = openDatabase(file);
    const rows = db
      .prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version')
      .all() as Array<{
      version: number;
      name: string;
      applied_at: number;
    }>;
    expect(rows.map((r) => [r.version, r.name])).toEqual(
      MIGRATIONS.map((m) => [m.version, m.name]),
    );
    expect(rows.every((r) => r.applied_at > 0)).toBe(true);
    expect(currentVersion(db)).toBe(latestVersion());
    expect(migrate(db)).toEqual([]);
    db.close();
  });

  it('keeps data across reopen [ARCH]', () => {
    const file = dbFile();
    const first = openDatabase(file);
    first.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('k', '1', 1)").run();
    first.close();
    const second = openDatabase(file);
    expect(second.prepare("SELECT value FROM settings WHERE key = 'k'").pluck().get()).toBe('1');
    second.close();
  });

  it('refuses a database written by a newer program, in Chinese, and leaves it untouched [ARCH]', () => {
    const file = dbFile();
    const db = openDatabase(file);
    const future = latestVersion() + 1;
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
      future,
      'from_the_future',
      1,
    );
    db.close();

    expect(() => openDatabase(file)).toThrow(DatabaseVersionError);
    expect(() => openDatabase(file)).toThrow(
      new RegExp(`数据库版本为 ${future}，高于本程序支持的版本 ${latestVersion()}`),
    );
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(future);
    raw.close();
  });

  it('refuses a database whose migration history diverges from this build [ARCH]', () => {
    const file = dbFile();
    const db = openDatabase(file);
    db.prepare("UPDATE schema_migrations SET name = 'something_else' WHERE version = 1").run();
    db.close();
    expect(() => openDatabase(file)).toThrow(/结构升级记录为“something_else”/);
  });

  it('rolls a failing step back whole and keeps the earlier steps [ARCH]', () => {
    const db = new Database(':memory:');
    const steps: Migration[] = [
      { version: 1, name: 'one', up: 'CREATE TABLE a (x INTEGER)' },
      { version: 2, name: 'two', up: 'CREATE TABLE b (x INTEGER); THIS IS NOT SQL' },
    ];
    expect(() => migrate(db, steps)).toThrow();
    expect(currentVersion(db)).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toContain('a');
    expect(tables).not.toContain('b');
    // fixed in a later build: the step applies
    expect(
      migrate(db, [
        steps[0] as Migration,
        { version: 2, name: 'two', up: 'CREATE TABLE b (x INTEGER)' },
      ]),
    ).toEqual([2]);
    db.close();
  });

  it('refuses a migration list that is not numbered 1, 2, 3… [ARCH]', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [{ version: 2, name: 'gap', up: 'SELECT 1' }])).toThrow(/连续编号/);
    db.close();
  });
});
