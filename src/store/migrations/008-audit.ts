/**
 * Migration 8: the hash-chained audit trail of security-relevant actions (R-KEEP).
 * Append-only: triggers refuse any UPDATE or DELETE, and an INSERT that is not the next link
 * (seq = last + 1, prev_hash = the last hash). Triggers only stop honest mistakes and casual
 * edits; someone holding the file can drop them, which the hash chain and the anchor file
 * outside the database then reveal (src/domain/audit).
 */
/** The indexes and append-only triggers of audit_log (also re-created by migration 11). */
export const AUDIT_LOG_INDEXES_AND_TRIGGERS = `
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
`;

/** The audit_log table under `name`, admitting `outcomes` (migration 11 widens them). */
export const auditLogTable = (name: string, outcomes: readonly string[]) => `
  CREATE TABLE ${name} (
    seq INTEGER PRIMARY KEY CHECK (seq > 0),
    at INTEGER NOT NULL,
    staff_id INTEGER,
    username TEXT,
    action TEXT NOT NULL CHECK (length(action) > 0),
    outcome TEXT NOT NULL CHECK (outcome IN (${outcomes.map((o) => `'${o}'`).join(', ')})),
    subject TEXT,
    detail TEXT NOT NULL CHECK (json_valid(detail)),
    prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
    hash TEXT NOT NULL CHECK (length(hash) = 64)
  ) STRICT;`;

export const AUDIT_MIGRATION = `${auditLogTable('audit_log', ['ok', 'refused', 'failed'])}
  ${AUDIT_LOG_INDEXES_AND_TRIGGERS}
`;
