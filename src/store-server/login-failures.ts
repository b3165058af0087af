import type { LoginAttemptAnswer } from '../contract/store-protocol-login';
import { afterFailure, type FailureRecord, lockedUntil } from '../domain/login-throttle';
import { type Client, ms } from './database';
import type { Outcome } from './idempotent';

interface FailureRow {
  failures: number;
  last_failed_at: Date;
  locked_until: Date | null;
}

/**
 * One log-in attempt at a counter, counted store-wide (D57): the same rules as a single
 * counter's throttle, on one row per user name that every counter's attempts update.
 */
export async function recordLoginAttempt(
  c: Client,
  me: string,
  username: string,
  accepted: boolean,
): Promise<Outcome<LoginAttemptAnswer>> {
  const key = username.toLowerCase();
  // Two counters' first failures under one name must both count: one attempt per name at a time.
  await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`login:${key}`]);
  const row = (
    await c.query<FailureRow>(
      'SELECT failures, last_failed_at, locked_until FROM store_login_failures WHERE username_key = $1',
      [key],
    )
  ).rows[0];
  const record: FailureRecord | null = row
    ? {
        failures: row.failures,
        lastFailedAt: ms(row.last_failed_at),
        lockedUntil: row.locked_until === null ? null : ms(row.locked_until),
      }
    : null;
  const now = Date.now();
  if (accepted && lockedUntil(record, now) === null) {
    if (row) await c.query('DELETE FROM store_login_failures WHERE username_key = $1', [key]);
    return { answer: { lockedForMs: null, failures: 0 }, keep: true };
  }
  const next = afterFailure(record, now);
  await c.query(
    `INSERT INTO store_login_failures (username_key, failures, last_failed_at, locked_until, last_counter)
     VALUES ($1, $2, to_timestamp($3 / 1000.0), to_timestamp($4 / 1000.0), $5)
     ON CONFLICT (username_key) DO UPDATE SET failures = excluded.failures,
       last_failed_at = excluded.last_failed_at, locked_until = excluded.locked_until,
       last_counter = excluded.last_counter`,
    [key, next.failures, next.lastFailedAt, next.lockedUntil, me],
  );
  const until = lockedUntil(next, now);
  return {
    answer: { lockedForMs: until === null ? null : until - now, failures: next.failures },
    keep: true,
  };
}
