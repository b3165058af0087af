import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Pool } from 'pg';

const FOLDER = path.join(import.meta.dirname, 'migrations');
const NAME = /^(\d{3})-[a-z0-9-]+\.sql$/;

export interface MigrationFile {
  version: number;
  name: string;
  sql: string;
}

/** The numbered .sql migrations of a folder (default: the store server's), in order. */
export function migrationFiles(folder = FOLDER): MigrationFile[] {
  return readdirSync(folder)
    .filter((f) => NAME.test(f))
    .sort()
    .map((name) => ({
      version: Number(NAME.exec(name)?.[1]),
      name,
      sql: readFileSync(path.join(folder, name), 'utf8'),
    }));
}

/**
 * Migrates the store server's database. `institution` (the server's STORE_INSTITUTION) is
 * visible to the migrations as the setting store.institution: 010 names the store's rows by it.
 */
export function migrate(pool: Pool, institution?: string): Promise<number[]> {
  return runMigrations(pool, {
    files: migrationFiles(),
    lockName: 'store-server-migrations',
    what: '门店服务器',
    settings: institution ? { 'store.institution': institution } : {},
  });
}

export interface MigrationRun {
  files: MigrationFile[];
  /** the advisory lock that keeps two starting processes from migrating at once */
  lockName: string;
  /** whose database, in the error message */
  what: string;
  /** transaction-local settings every migration can read with current_setting */
  settings?: Readonly<Record<string, string>>;
}

/**
 * Applies the migrations not yet applied, each in its own transaction with its row in
 * schema_migrations, under an advisory lock.
 */
export async function runMigrations(pool: Pool, run: MigrationRun): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [run.lockName]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set(
      (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map(
        (r) => r.version,
      ),
    );
    for (const m of run.files) {
      if (done.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        for (const [name, value] of Object.entries(run.settings ?? {})) {
          await client.query('SELECT set_config($1, $2, true)', [name, value]);
        }
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          m.version,
          m.name,
        ]);
        await client.query('COMMIT');
        applied.push(m.version);
      } catch (e) {
        await client.query('ROLLBACK');
        throw new Error(`${run.what}数据库迁移 ${m.name} 失败：${(e as Error).message}`);
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [run.lockName]);
    client.release();
  }
  return applied;
}
