/** better-sqlite3 throws SqliteError with a `code` such as 'SQLITE_CONSTRAINT_UNIQUE'. */
export function sqliteCode(err: unknown): string | null {
  if (err instanceof Error && 'code' in err && typeof err.code === 'string') return err.code;
  return null;
}
