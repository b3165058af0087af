-- Failed log-ins counted at the store (issue 17, D57): a lock-out at one counter holds at every
-- counter. One row per user name in lower case (also names that are no account, so the lock does
-- not tell whether a user exists); a successful log-in deletes it. The throttle's rules (5 in a
-- row within an hour lock for 15 minutes) are src/domain/login-throttle.ts, applied under a lock
-- per name.
CREATE TABLE store_login_failures (
  username_key text PRIMARY KEY
    CHECK (username_key = lower(username_key) AND length(username_key) BETWEEN 1 AND 64),
  failures integer NOT NULL CHECK (failures >= 1),
  last_failed_at timestamptz NOT NULL,
  locked_until timestamptz,
  last_counter text NOT NULL REFERENCES counters (counter_id)
);
