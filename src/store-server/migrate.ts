import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Pool } from 'pg';

const FOLDER = path.join(import.meta.dirname, 'migrations');
const NAME = /^(\d{3})-[a-z0-9-]+\.sql$/;

/** The migrations in src/store-server/migrations, in order of their number. */
export function migrationFiles(): Array<{ version: number; name: string; sql: string }> {
  return readdirSync(FOLDER)
    .filter((f) => NAME.test(f))
    .sort()
    .map((name) => ({
      version: Number(NAME.exec(name)?.[1]),
      name,
      sql: readFileSync(path.join(FOLDER, name), 'utf8'),
    }));
}

/**
 * Applies the migrations not yet applied, each in its own transaction with its row in
 * schema_migrations; an advisory lock keeps two starting servers from migrating at once.
 */
export async function migrate(pool: Pool): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', ['store-server-migrations']);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set(
      (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map(
        (r) => r.version,
      ),
    );
    for (const m of migrationFiles()) {
      if (done.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          m.version,
          m.name,
        ]);
        await client.query('COMMIT');
        applied.push(m.version);
      } catch (e) {
        await client.query('ROLLBACK');
        throw new Error(`门店服务器数据库迁移 ${m.name} 失败：${(e as Error).message}`);
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', ['store-server-migrations']);
    client.release();
  }
  return applied;
}
