import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PRIVATE_FILE_MODE } from '../../store/private-files';
import { type RestoreResult, restoreBackupWhileLocked } from './restore-backup';

/**
 * A restore asked for from the running app is not done under the running app's open database:
 * the request is written into the data folder, the counter restarts, and the start applies it
 * (data folder locked, nothing open yet) before the database is opened.
 */
export const RESTORE_REQUEST_FILE = 'restore-request.json';

export interface RestoreRequest {
  backupDir: string;
  requestedAt: number;
  staffId: number;
  username: string;
}

export interface AppliedRestore extends RestoreResult {
  request: RestoreRequest;
}

const requestPath = (dataDir: string) => path.join(dataDir, RESTORE_REQUEST_FILE);

export function writeRestoreRequest(dataDir: string, request: RestoreRequest): void {
  writeFileSync(requestPath(dataDir), `${JSON.stringify(request, null, 2)}\n`, {
    mode: PRIVATE_FILE_MODE,
  });
}

export function hasRestoreRequest(dataDir: string): boolean {
  return existsSync(requestPath(dataDir));
}

/**
 * Applies a pending request; null when there is none. The request is removed only once the
 * restore is done or refused: a crash half-way repeats it at the next start (the files already
 * moved aside stay in their own replaced_ folder), rather than opening an empty database.
 */
export async function applyPendingRestore(opts: {
  dataDir: string;
  institutionCode: string;
  nativeBinding?: string;
  now: () => Date;
}): Promise<AppliedRestore | null> {
  const file = requestPath(opts.dataDir);
  if (!existsSync(file)) return null;
  const request = JSON.parse(readFileSync(file, 'utf8')) as RestoreRequest;
  const result = await restoreBackupWhileLocked({
    dataDir: opts.dataDir,
    backupDir: request.backupDir,
    institutionCode: opts.institutionCode,
    now: opts.now,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  });
  rmSync(file, { force: true });
  return { ...result, request };
}
