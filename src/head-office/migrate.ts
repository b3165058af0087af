import path from 'node:path';
import type { Pool } from 'pg';
import { migrationFiles, runMigrations } from '../store-server/migrate';

/** Migrates the head-office database (src/head-office/migrations), as the store server does its own. */
export function migrateHeadOffice(pool: Pool): Promise<number[]> {
  return runMigrations(pool, {
    files: migrationFiles(path.join(import.meta.dirname, 'migrations')),
    lockName: 'head-office-migrations',
    what: '总部',
  });
}
