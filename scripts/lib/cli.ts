import fs from 'node:fs';
import path from 'node:path';

/** The repository root (scripts/ lives right below it). */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/** A usage error: the message, then the usage text, on stderr; exit code 2. */
export function usageExit(usageText: string): (message: string) => never {
  return (message) => {
    process.stderr.write(`${message}\n\n${usageText}\n`);
    process.exit(2);
  };
}

/** Parsed arguments, or a usage error naming what node:util's parseArgs refused. */
export function parsedOr<T>(parse: () => T, usage: (message: string) => never): T {
  try {
    return parse();
  } catch (e) {
    return usage(`参数错误：${(e as Error).message}`);
  }
}

/** The counter's data folder: --data, else EPC_DATA_DIR, else .data/app. */
export function counterDataDir(explicit?: string): string {
  return explicit ?? process.env.EPC_DATA_DIR ?? path.join(ROOT, '.data/app');
}

/** The counter's database file in a data folder, or null when there is none. */
export function counterDbFile(dataDir: string): { file: string; exists: boolean } {
  const file = path.join(dataDir, 'counter.db');
  return { file, exists: fs.existsSync(file) };
}
