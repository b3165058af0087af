import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BackupEntry } from '../../contract/types-backup';
import { AppError } from '../../domain/errors';
import { type BackupManifest, isBackupFolderName, manifestPath } from './backup-files';

/** The backups in a folder, newest first, as their manifests describe them. */
export function listBackups(folder: string): BackupEntry[] {
  if (!existsSync(folder)) return [];
  const entries: BackupEntry[] = [];
  for (const name of readdirSync(folder).filter(isBackupFolderName)) {
    const manifest = readManifest(path.join(folder, name));
    entries.push(
      manifest
        ? {
            name,
            createdAt: manifest.createdAt,
            bytes: manifest.dbBytes,
            schemaVersion: manifest.schemaVersion,
            appVersion: manifest.appVersion,
          }
        : { name, createdAt: null, bytes: null, schemaVersion: null, appVersion: null },
    );
  }
  return entries.sort((a, b) => b.name.localeCompare(a.name));
}

function readManifest(dir: string): BackupManifest | null {
  try {
    return JSON.parse(readFileSync(manifestPath(dir), 'utf8')) as BackupManifest;
  } catch {
    return null;
  }
}

/** A backup named by the screen, only ever inside the backup folder (no path of the caller's). */
export function backupDirOf(folder: string, name: string): string {
  if (!isBackupFolderName(name) || name !== path.basename(name) || name.includes('..')) {
    throw new AppError('VALIDATION', `“${name}”不是备份文件夹中的备份`);
  }
  const dir = path.join(folder, name);
  if (!existsSync(dir)) throw new AppError('NOT_FOUND', `备份 ${name} 不在备份文件夹中`);
  return dir;
}
