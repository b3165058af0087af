import type { FailureRecord } from '../domain/login-throttle';
import type { Db } from './database';

/** How many log-ins failed in a row under each typed user name, and until when it is locked. */
export class LoginFailureRepository {
  constructor(private readonly db: Db) {}

  find(username: string): FailureRecord | null {
    const row = this.db
      .prepare(
        'SELECT failures, last_failed_at, locked_until FROM login_failures WHERE username = ?',
      )
      .get(username) as
      | { failures: number; last_failed_at: number; locked_until: number | null }
      | undefined;
    return row
      ? { failures: row.failures, lastFailedAt: row.last_failed_at, lockedUntil: row.locked_until }
      : null;
  }

  save(username: string, record: FailureRecord): void {
    this.db
      .prepare(
        `INSERT INTO login_failures (username, failures, last_failed_at, locked_until)
         VALUES (?, ?, ?, ?)
         ON CONFLICT (username) DO UPDATE SET failures = excluded.failures,
           last_failed_at = excluded.last_failed_at, locked_until = excluded.locked_until`,
      )
      .run(username, record.failures, record.lastFailedAt, record.lockedUntil);
  }

  clear(username: string): void {
    this.db.prepare('DELETE FROM login_failures WHERE username = ?').run(username);
  }

  /** Names nobody has mistyped for a day: forgotten, so the table stays small. */
  forgetOlderThan(at: number): void {
    this.db
      .prepare(
        'DELETE FROM login_failures WHERE last_failed_at < ? AND (locked_until IS NULL OR locked_until < ?)',
      )
      .run(at, at);
  }
}
