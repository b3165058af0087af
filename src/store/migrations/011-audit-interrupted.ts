/**
 * Migration 11: an audited action cut off by a crash is still recorded (R-KEEP).
 *
 * The dispatcher writes a pending row before an audited call runs and removes it in the same
 * transaction that appends the call's entry. A row left behind means the process died in
 * between — possibly after the action itself had committed — and the next start appends it to
 * the chain with the outcome 'interrupted' (结果未知). Rows name the writing process so another
 * process sharing the file (a CLI) never takes a live call for an interrupted one.
 *
 * audit_log is rebuilt only to admit that outcome in its CHECK; rows are copied unchanged, so
 * every hash still links. DROP TABLE fires no DELETE trigger; the triggers are re-created.
 */
export const AUDIT_INTERRUPTED_MIGRATION = `
  CREATE TABLE audit_log_new (
    seq INTEGER PRIMARY KEY CHECK (seq > 0),
    at INTEGER NOT NULL,
    staff_id INTEGER,
    username TEXT,
    action TEXT NOT NULL CHECK (length(action) > 0),
    outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'refused', 'failed', 'interrupted')),
    subject TEXT,
    detail TEXT NOT NULL CHECK (json_valid(detail)),
    prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
    hash TEXT NOT NULL CHECK (length(hash) = 64)
  ) STRICT;
  INSERT INTO audit_log_new (seq, at, staff_id, username, action, outcome, subject, detail, prev_hash, hash)
    SELECT seq, at, staff_id, username, action, outcome, subject, detail, prev_hash, hash
    FROM audit_log ORDER BY seq;
  DROP TABLE audit_log;
  ALTER TABLE audit_log_new RENAME TO audit_log;
  CREATE INDEX audit_by_at ON audit_log (at, seq);
  CREATE INDEX audit_by_action ON audit_log (action, at, seq);

  CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：审计日志只能追加，不得修改');
  END;

  CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：审计日志只能追加，不得删除');
  END;

  CREATE TRIGGER audit_log_append_only BEFORE INSERT ON audit_log
  WHEN NEW.seq IS NOT coalesce((SELECT max(seq) FROM audit_log), 0) + 1
    OR NEW.prev_hash IS NOT coalesce(
      (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1),
      '0000000000000000000000000000000000000000000000000000000000000000')
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：审计日志只能在链尾按序追加');
  END;

  CREATE TABLE audit_pending (
    id INTEGER PRIMARY KEY,
    -- "<pid>:<random id of that process>": a live call of another process is left alone
    owner TEXT NOT NULL CHECK (owner GLOB '[0-9]*:*'),
    started_at INTEGER NOT NULL,
    method TEXT NOT NULL CHECK (length(method) > 0),
    -- the entry as known before the call ran (personal data already masked)
    record TEXT NOT NULL CHECK (json_valid(record))
  ) STRICT;
`;
