import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { compactTimeMs } from '../../center/clock';
import { nativeSupport, sm3Hex } from '../../center/crypto';

/** One backup: a folder holding the database copy, the audit anchor of that moment and this manifest. */
export interface BackupManifest {
  format: 1;
  institutionCode: string;
  createdAt: number;
  schemaVersion: number;
  appVersion: string;
  dbFile: 'counter.db';
  dbBytes: number;
  dbSm3: string;
  /** The audit anchor copied with it; null when the counter had written no audit entry yet. */
  anchorFile: 'audit-anchor.json' | null;
}

export const MANIFEST_FILE = 'manifest.json';
export const BACKUP_PREFIX = '柜台备份_';

export function backupFolderName(institutionCode: string, at: Date): string {
  return `${BACKUP_PREFIX}${institutionCode}_${compactTimeMs(at)}`;
}

export function isBackupFolderName(name: string): boolean {
  return name.startsWith(BACKUP_PREFIX) && !name.endsWith('.partial');
}

/** The folder a backup is written into before it is renamed to its final name. */
export const partialName = (folder: string) => `${folder}.partial`;

/** SM3 of a file, streamed where OpenSSL speaks SM3 (a database may be hundreds of MB). */
export function sm3OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const native = nativeSupport().sm3 ? createHash('sm3') : null;
    const chunks: Buffer[] = [];
    createReadStream(file)
      .on('data', (chunk) => (native ? native.update(chunk) : chunks.push(chunk as Buffer)))
      .on('error', reject)
      .on('end', () => resolve(native ? native.digest('hex') : sm3Hex(Buffer.concat(chunks))));
  });
}

export const manifestPath = (backupDir: string) => path.join(backupDir, MANIFEST_FILE);
