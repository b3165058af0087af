/**
 * Migration 19: failed log-ins per user name (issue 14, staff). Kept in the database so that a
 * restart does not reset a lock; any name typed, account or not (see domain/login-throttle.ts).
 */
export const LOGIN_FAILURES_MIGRATION = `
  CREATE TABLE login_failures (
    username TEXT PRIMARY KEY CHECK (length(username) BETWEEN 1 AND 64),
    failures INTEGER NOT NULL CHECK (failures >= 1),
    last_failed_at INTEGER NOT NULL,
    locked_until INTEGER
  ) STRICT;
`;
