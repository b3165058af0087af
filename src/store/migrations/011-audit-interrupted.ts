import { AUDIT_LOG_INDEXES_AND_TRIGGERS, auditLogTable } from './008-audit';

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
export const AUDIT_INTERRUPTED_MIGRATION = `${auditLogTable('audit_log_new', [
  'ok',
  'refused',
  'failed',
  'interrupted',
])}
  INSERT INTO audit_log_new (seq, at, staff_id, username, action, outcome, subject, detail, prev_hash, hash)
    SELECT seq, at, staff_id, username, action, outcome, subject, detail, prev_hash, hash
    FROM audit_log ORDER BY seq;
  DROP TABLE audit_log;
  ALTER TABLE audit_log_new RENAME TO audit_log;
  ${AUDIT_LOG_INDEXES_AND_TRIGGERS}

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
