import { chmodSync, existsSync, mkdirSync } from 'node:fs';

/**
 * The data folder holds full ID numbers, password hashes, pharmacists' e-voucher tokens and
 * two years of prescriptions: only the counter's own OS account may read it. A folder left
 * 0755 by an older version is tightened at start; files inside are created owner-only too, so
 * a copy taken out of the folder keeps that.
 * Windows has no POSIX modes (Node maps them to the read-only flag): the installer's per-user
 * folder under %APPDATA% gives the same protection there.
 */
export const PRIVATE_FOLDER_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const posix = process.platform !== 'win32';

export function ensurePrivateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  if (posix) chmodSync(dir, PRIVATE_FOLDER_MODE);
}

/** Tightens files another library created with the default umask (SQLite's database files). */
export function makeFilesPrivate(files: readonly string[]): void {
  if (!posix) return;
  for (const file of files) if (existsSync(file)) chmodSync(file, PRIVATE_FILE_MODE);
}
