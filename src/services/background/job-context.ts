import type { CatalogDrug } from '../../domain/catalog/catalog-drug';
import { type Db, openReadOnlyDatabase } from '../../store/database';
import type { Logger } from '../logger';

/** What a background job reads from: the counter's database, its data folder, its catalog. */
export interface JobContext {
  db: Db;
  dataDir: string;
  catalog: ReadonlyMap<string, CatalogDrug>;
  log: Logger;
}

/** What a job thread is started with (plain, cloneable). */
export interface JobThreadSetup {
  dbFile: string;
  nativeBinding: string | undefined;
  dataDir: string;
  catalog: ReadonlyMap<string, CatalogDrug>;
}

/** The job thread's own read-only connection to the counter's database. */
export function openJobDatabase(setup: JobThreadSetup): Db {
  return openReadOnlyDatabase(setup.dbFile, setup.nativeBinding);
}

export interface LoggedLine {
  level: 'info' | 'warn' | 'error';
  event: string;
  data: Record<string, unknown> | undefined;
}

/** A logger that keeps a job's lines, to be written by the counter's own logger (it masks). */
export function collectingLogger(lines: LoggedLine[]): Logger {
  return {
    info: (event, data) => lines.push({ level: 'info', event, data }),
    warn: (event, data) => lines.push({ level: 'warn', event, data }),
    error: (event, data) => lines.push({ level: 'error', event, data }),
  };
}
