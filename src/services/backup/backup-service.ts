import { copyFileSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type {
  BackupCheckView,
  BackupEntry,
  BackupStatus,
  LastRestore,
} from '../../contract/types-backup';
import { AppError } from '../../domain/errors';
import type { Db } from '../../store/database';
import { currentVersion } from '../../store/migrations';
import {
  ensurePrivateFolder,
  makeFilesPrivate,
  PRIVATE_FILE_MODE,
} from '../../store/private-files';
import type { SettingsRepository } from '../../store/settings-repository';
import { ANCHOR_FILE_NAME } from '../audit/anchor-file';
import type { Logger } from '../logger';
import {
  type BackupManifest,
  backupFolderName,
  isBackupFolderName,
  MANIFEST_FILE,
  manifestPath,
  partialName,
  sm3OfFile,
} from './backup-files';
import { checkBackup } from './check-backup';
import { backupDirOf, listBackups } from './list-backups';
import { hasRestoreRequest, writeRestoreRequest } from './restore-request';

const FOLDER_SETTING = 'backup.folder';
const LAST_SETTING = 'backup.last';
/** Whose data this is, for the command-line tool that runs without the center configuration. */
export const INSTITUTION_SETTING = 'backup.institutionCode';
export const DAILY_MS = 24 * 60 * 60 * 1000;
/** Backups kept in the folder; older ones are removed after a successful new one. */
export const KEEP_BACKUPS = 30;
/** The last restore applied at a start (written into the restored database). */
export const LAST_RESTORE_SETTING = 'backup.lastRestore';
/** Time for the reply to reach the screen before the counter closes its services. */
const RESTART_DELAY_MS = 250;

export interface BackupDeps {
  db: Db;
  dataDir: string;
  settings: SettingsRepository;
  institutionCode: string;
  appVersion: string;
  log: Logger;
  now: () => Date;
  /** Closes and starts the counter again (null where the program cannot restart itself). */
  restart: (() => void) | null;
}

type LastBackup = NonNullable<BackupStatus['last']>;

/**
 * Online backups of the counter's database (SQLite's backup API: a consistent copy while the
 * counter keeps working, never a file copy of a live WAL database), with the audit anchor of
 * that moment, into a folder an administrator chooses (a second drive, a USB disk). Each backup
 * is written under a temporary name and renamed when complete; the newest KEEP_BACKUPS stay.
 */
export function createBackupService(deps: BackupDeps) {
  const defaultFolder = path.join(deps.dataDir, 'backups');
  if (deps.settings.get<string>(INSTITUTION_SETTING) !== deps.institutionCode) {
    deps.settings.set(INSTITUTION_SETTING, deps.institutionCode);
  }
  let running: Promise<LastBackup> | null = null;

  function folder(): { folder: string; isDefault: boolean } {
    const chosen = deps.settings.get<string>(FOLDER_SETTING);
    return chosen
      ? { folder: chosen, isDefault: false }
      : { folder: defaultFolder, isDefault: true };
  }

  function status(): BackupStatus {
    const last = deps.settings.get<LastBackup>(LAST_SETTING) ?? null;
    const lastOkAt = deps.settings.get<number>(`${LAST_SETTING}.okAt`) ?? null;
    const overdue =
      lastOkAt === null || deps.now().getTime() - lastOkAt > DAILY_MS + 60 * 60 * 1000;
    return {
      ...folder(),
      last,
      lastOkAt,
      overdue,
      keep: KEEP_BACKUPS,
      lastRestore: deps.settings.get<LastRestore>(LAST_RESTORE_SETTING) ?? null,
      restorePending: hasRestoreRequest(deps.dataDir),
    };
  }

  function setFolder(chosen: string | null): BackupStatus {
    if (chosen !== null) {
      if (!path.isAbsolute(chosen)) throw new AppError('VALIDATION', '备份文件夹须为绝对路径');
      if (!statSync(chosen, { throwIfNoEntry: false })?.isDirectory()) {
        throw new AppError('VALIDATION', `备份文件夹 ${chosen} 不存在，请先接好磁盘或建好文件夹`);
      }
    }
    deps.settings.set(FOLDER_SETTING, chosen);
    return status();
  }

  async function writeBackup(): Promise<LastBackup> {
    const at = deps.now();
    const target = folder().folder;
    ensurePrivateFolder(target);
    const final = path.join(target, backupFolderName(deps.institutionCode, at));
    const partial = partialName(final);
    rmSync(partial, { recursive: true, force: true });
    ensurePrivateFolder(partial);
    // The anchor first: the copy of the database is then at or past it ("behind" verifies).
    const anchor = path.join(deps.dataDir, ANCHOR_FILE_NAME);
    const hasAnchor = existsSync(anchor);
    if (hasAnchor) copyFileSync(anchor, path.join(partial, ANCHOR_FILE_NAME));
    const dbCopy = path.join(partial, 'counter.db');
    await deps.db.backup(dbCopy);
    makeFilesPrivate([dbCopy, path.join(partial, ANCHOR_FILE_NAME)]);
    const manifest: BackupManifest = {
      format: 1,
      institutionCode: deps.institutionCode,
      createdAt: at.getTime(),
      schemaVersion: currentVersion(deps.db),
      appVersion: deps.appVersion,
      dbFile: 'counter.db',
      dbBytes: statSync(dbCopy).size,
      dbSm3: await sm3OfFile(dbCopy),
      anchorFile: hasAnchor ? ANCHOR_FILE_NAME : null,
    };
    await writeFile(manifestPath(partial), `${JSON.stringify(manifest, null, 2)}\n`, {
      mode: PRIVATE_FILE_MODE,
    });
    renameSync(partial, final);
    prune(target);
    return { at: at.getTime(), ok: true, folder: final, bytes: manifest.dbBytes, error: null };
  }

  function prune(target: string): void {
    const backups = readdirSync(target)
      .filter(isBackupFolderName)
      .filter((name) => existsSync(path.join(target, name, MANIFEST_FILE)))
      .sort();
    for (const old of backups.slice(0, Math.max(0, backups.length - KEEP_BACKUPS))) {
      rmSync(path.join(target, old), { recursive: true, force: true });
    }
  }

  /** One backup now; a second call while one runs waits for that one. */
  function run(): Promise<LastBackup> {
    running ??= writeBackup()
      .catch((err: unknown): LastBackup => {
        deps.log.error('backup.failed', { error: String(err) });
        return {
          at: deps.now().getTime(),
          ok: false,
          folder: folder().folder,
          bytes: null,
          error: `备份失败：${(err as Error).message ?? String(err)}`,
        };
      })
      .then((last) => {
        deps.settings.set(LAST_SETTING, last);
        if (last.ok) deps.settings.set(`${LAST_SETTING}.okAt`, last.at);
        deps.log.info('backup.done', { ok: last.ok, bytes: last.bytes });
        return last;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  /** Daily: checks every hour whether the last good backup is a day old, and makes one if so. */
  function startDaily(checkEveryMs = 60 * 60 * 1000): () => void {
    const due = () => {
      const okAt = deps.settings.get<number>(`${LAST_SETTING}.okAt`) ?? null;
      if (okAt === null || deps.now().getTime() - okAt >= DAILY_MS) void run();
    };
    const first = setTimeout(due, 60_000);
    const timer = setInterval(due, checkEveryMs);
    first.unref();
    timer.unref();
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }

  /** Resolves once no backup is being written (before the database is closed). */
  async function whenIdle(): Promise<void> {
    await running;
  }

  function list(): BackupEntry[] {
    return listBackups(folder().folder);
  }

  async function check(name: string): Promise<BackupCheckView> {
    const result = await checkBackup(backupDirOf(folder().folder, name), {
      institutionCode: deps.institutionCode,
    });
    return { name, ok: result.ok, findings: result.findings };
  }

  /**
   * Stages a restore of a backup that passes the full check, and restarts the counter, whose
   * start applies it before the database opens (restore-request.ts). Refused, nothing staged,
   * when the backup fails a check or the program cannot restart itself.
   */
  async function requestRestore(
    name: string,
    by: { staffId: number; username: string },
  ): Promise<{ name: string; restarting: true }> {
    const backupDir = backupDirOf(folder().folder, name);
    const result = await checkBackup(backupDir, { institutionCode: deps.institutionCode });
    if (!result.ok) {
      const why = result.findings.find((f) => !f.ok)?.text ?? '检查未通过';
      throw new AppError('POLICY', `该备份未通过检查，不能恢复（未作任何改动）：${why}`, {
        ruleId: 'R-KEEP',
      });
    }
    const restart = deps.restart;
    if (!restart) {
      throw new AppError(
        'CONFLICT',
        '本运行方式不能在程序内重启：请关闭柜台程序后用 npm run backup -- restore 恢复',
      );
    }
    await whenIdle();
    writeRestoreRequest(deps.dataDir, {
      backupDir,
      requestedAt: deps.now().getTime(),
      ...by,
    });
    deps.log.warn('backup.restoreStaged', { backup: name });
    setTimeout(restart, RESTART_DELAY_MS);
    return { name, restarting: true };
  }

  return {
    status,
    setFolder,
    run,
    startDaily,
    whenIdle,
    list,
    check,
    requestRestore,
    defaultFolder,
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
