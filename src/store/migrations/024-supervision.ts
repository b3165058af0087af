/**
 * Migration 24: pre-settlement supervision (事前事中审核, 3101, R-SUPERVISE).
 *
 * - supervision_checks: each check of a dispensing's fee lines, with the platform's findings
 *   as it sent them, or why it could not be made (the subsystem did not answer).
 * - supervision_handlings: the pharmacist's decision on one check (continue with a reason, or
 *   cancel), who and when. A blocking finding can never be continued; a clear check needs none.
 * - Both are append-only: a decision is made again by a new check, never rewritten.
 * - settlements.supervision_check_id: the check a settlement went ahead on; it must be of the
 *   same dispensing and clear or continued.
 */
export const SUPERVISION_MIGRATION = `
  CREATE TABLE supervision_checks (
    id INTEGER PRIMARY KEY,
    dispensing_id INTEGER NOT NULL REFERENCES dispensings (id),
    msgid TEXT NOT NULL UNIQUE,
    outcome TEXT NOT NULL CHECK (outcome IN ('clear', 'warnings', 'blocked', 'unreachable')),
    warnings TEXT NOT NULL CHECK (json_valid(warnings) AND json_type(warnings) = 'array'),
    error TEXT,
    staff_id INTEGER NOT NULL REFERENCES staff (id),
    checked_at INTEGER NOT NULL,
    CHECK ((outcome = 'unreachable') = (error IS NOT NULL)),
    CHECK ((outcome = 'clear') = (json_array_length(warnings) = 0) OR outcome = 'unreachable')
  ) STRICT;
  CREATE INDEX supervision_checks_dispensing ON supervision_checks (dispensing_id, id);

  CREATE TABLE supervision_handlings (
    id INTEGER PRIMARY KEY,
    check_id INTEGER NOT NULL UNIQUE REFERENCES supervision_checks (id),
    choice TEXT NOT NULL CHECK (choice IN ('continue', 'cancel')),
    reason TEXT NOT NULL CHECK (length(trim(reason)) >= 4),
    staff_id INTEGER NOT NULL REFERENCES staff (id),
    handled_at INTEGER NOT NULL
  ) STRICT;

  CREATE TRIGGER supervision_handling_allowed
  BEFORE INSERT ON supervision_handlings
  BEGIN
    SELECT RAISE(ABORT, '监管审核为“明确违规”，不能选择继续结算（R-SUPERVISE）')
     WHERE NEW.choice = 'continue'
       AND (SELECT outcome FROM supervision_checks WHERE id = NEW.check_id) = 'blocked';
    SELECT RAISE(ABORT, '监管审核无提示，无需处理（R-SUPERVISE）')
     WHERE (SELECT outcome FROM supervision_checks WHERE id = NEW.check_id) = 'clear';
  END;

  CREATE TRIGGER supervision_checks_no_update BEFORE UPDATE ON supervision_checks
  BEGIN SELECT RAISE(ABORT, '监管审核记录不可修改（R-SUPERVISE）'); END;
  CREATE TRIGGER supervision_checks_no_delete BEFORE DELETE ON supervision_checks
  BEGIN SELECT RAISE(ABORT, '监管审核记录不可删除（R-SUPERVISE）'); END;
  CREATE TRIGGER supervision_handlings_no_update BEFORE UPDATE ON supervision_handlings
  BEGIN SELECT RAISE(ABORT, '监管提示的处理记录不可修改（R-SUPERVISE）'); END;
  CREATE TRIGGER supervision_handlings_no_delete BEFORE DELETE ON supervision_handlings
  BEGIN SELECT RAISE(ABORT, '监管提示的处理记录不可删除（R-SUPERVISE）'); END;

  ALTER TABLE settlements ADD COLUMN supervision_check_id INTEGER
    REFERENCES supervision_checks (id);

  CREATE TRIGGER settlement_supervision_passed
  BEFORE INSERT ON settlements
  WHEN NEW.supervision_check_id IS NOT NULL
  BEGIN
    SELECT RAISE(ABORT, '监管审核记录不属于该调剂单（R-SUPERVISE）')
     WHERE (SELECT dispensing_id FROM supervision_checks WHERE id = NEW.supervision_check_id)
           IS NOT NEW.dispensing_id;
    SELECT RAISE(ABORT, '监管审核提示未处理或已选择取消，不能结算（R-SUPERVISE）')
     WHERE (SELECT outcome FROM supervision_checks WHERE id = NEW.supervision_check_id) <> 'clear'
       AND NOT EXISTS (SELECT 1 FROM supervision_handlings
                        WHERE check_id = NEW.supervision_check_id AND choice = 'continue');
  END;
`;
