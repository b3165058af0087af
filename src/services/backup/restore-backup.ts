import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { compactTimeMs } from '../../center/clock';
import { lockDataDir } from '../../store/data-dir-lock';
import { openDatabase } from '../../store/database';
import { makeFilesPrivate, PRIVATE_FOLDER_MODE } from '../../store/private-files';
import { ANCHOR_FILE_NAME } from '../audit/anchor-file';
import { type BackupCheck, checkBackup } from './check-backup';

export interface RestoreResult {
  check: BackupCheck;
  /** Where the replaced database and anchor were kept (nothing is deleted). */
  replacedDir: string | null;
}

export interface RestoreOptions {
  dataDir: string;
  backupDir: string;
  institutionCode?: string;
  nativeBinding?: string;
  now?: () => Date;
}

const LIVE_FILES = ['counter.db', 'counter.db-wal', 'counter.db-shm', ANCHOR_FILE_NAME];

/**
 * Replaces the counter's database with a checked backup. Only while no counter runs on the data
 * folder (its lock is taken first). Refuses before touching anything when the check fails; the
 * replaced files are moved aside into `replaced_<time>/`, never deleted. The restored database
 * is opened once, so its schema is brought up to this program's version before the counter
 * starts; the outbox then resends what the backup still had pending under the same msgids, and
 * the center's idempotency keeps each delivery single.
 */
export async function restoreBackup(opts: RestoreOptions): Promise<RestoreResult> {
  const lock = lockDataDir(opts.dataDir, opts.nativeBinding);
  try {
    return await restoreBackupWhileLocked(opts);
  } finally {
    lock.release();
  }
}

/** The restore itself, for a caller already holding the data folder's lock (the counter's start). */
export async function restoreBackupWhileLocked(opts: RestoreOptions): Promise<RestoreResult> {
  const check = await checkBackup(opts.backupDir, {
    ...(opts.institutionCode ? { institutionCode: opts.institutionCode } : {}),
  });
  if (!check.ok) return { check, replacedDir: null };

  const present = LIVE_FILES.filter((name) => existsSync(path.join(opts.dataDir, name)));
  let replacedDir: string | null = null;
  if (present.length > 0) {
    replacedDir = path.join(
      opts.dataDir,
      `replaced_${compactTimeMs((opts.now ?? (() => new Date()))())}`,
    );
    // Never recursive: an existing folder of that name must not have its files overwritten.
    mkdirSync(replacedDir, { mode: PRIVATE_FOLDER_MODE });
    for (const name of present) {
      renameSync(path.join(opts.dataDir, name), path.join(replacedDir, name));
    }
  }
  const restored = ['counter.db', ...(check.manifest?.anchorFile ? [ANCHOR_FILE_NAME] : [])];
  for (const name of restored) {
    copyFileSync(path.join(opts.backupDir, name), path.join(opts.dataDir, name));
  }
  makeFilesPrivate(restored.map((name) => path.join(opts.dataDir, name)));
  openDatabase(path.join(opts.dataDir, 'counter.db'), opts.nativeBinding).close();
  return { check, replacedDir };
}
