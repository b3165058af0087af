/**
 * Migration 26 (issue 18): 事中 supervision (3102) and the feedback of each handling (3103,
 * R-SUPERVISE); the 红字 electronic receipt of a refund (R-EINVOICE).
 *
 * - supervision_checks.stage: 'pre' (3101, at preview) or 'mid' (3102, just before 2102).
 * - settlements.mid_check_id: the 3102 check made just before this settlement's 2102; like the
 *   3101 check it must be of the same dispensing and clear or continued (a 明确违规 never is).
 * - supervision_feedbacks: the 3103 queued for a handled check, at most one per check, with the
 *   msgid of its outbox item: each handling reaches the platform exactly once.
 * - electronic_receipt_reversals: the 红字 (冲红) receipt of a refunded settlement that had an
 *   electronic receipt, issued in the refund's own transaction; one per receipt, never changed.
 */
export const RULE_GAPS_MIGRATION = `
  ALTER TABLE supervision_checks ADD COLUMN stage TEXT NOT NULL DEFAULT 'pre'
    CHECK (stage IN ('pre', 'mid'));

  ALTER TABLE settlements ADD COLUMN mid_check_id INTEGER REFERENCES supervision_checks (id);

  CREATE TRIGGER settlement_mid_supervision_passed
  BEFORE INSERT ON settlements
  WHEN NEW.mid_check_id IS NOT NULL
  BEGIN
    SELECT RAISE(ABORT, '事中监管审核记录不属于该调剂单（R-SUPERVISE）')
     WHERE (SELECT dispensing_id FROM supervision_checks
             WHERE id = NEW.mid_check_id AND stage = 'mid') IS NOT NEW.dispensing_id;
    SELECT RAISE(ABORT, '事中监管审核提示未处理或为明确违规，不能结算（R-SUPERVISE）')
     WHERE (SELECT outcome FROM supervision_checks WHERE id = NEW.mid_check_id) <> 'clear'
       AND NOT EXISTS (SELECT 1 FROM supervision_handlings
                        WHERE check_id = NEW.mid_check_id AND choice = 'continue');
  END;

  CREATE TABLE supervision_feedbacks (
    check_id INTEGER PRIMARY KEY REFERENCES supervision_checks (id),
    msgid TEXT NOT NULL UNIQUE,
    queued_at INTEGER NOT NULL
  ) STRICT;

  CREATE TRIGGER supervision_feedback_needs_handling
  BEFORE INSERT ON supervision_feedbacks
  BEGIN
    SELECT RAISE(ABORT, '监管提示尚未处理，没有可反馈的内容（R-SUPERVISE）')
     WHERE NOT EXISTS (SELECT 1 FROM supervision_handlings WHERE check_id = NEW.check_id);
  END;
  CREATE TRIGGER supervision_feedbacks_no_update BEFORE UPDATE ON supervision_feedbacks
  BEGIN SELECT RAISE(ABORT, '监管处理反馈记录不可修改（R-SUPERVISE）'); END;
  CREATE TRIGGER supervision_feedbacks_no_delete BEFORE DELETE ON supervision_feedbacks
  BEGIN SELECT RAISE(ABORT, '监管处理反馈记录不可删除（R-SUPERVISE）'); END;

  CREATE TABLE electronic_receipt_reversals (
    settlement_id INTEGER PRIMARY KEY REFERENCES electronic_receipts (settlement_id),
    receipt_no TEXT NOT NULL UNIQUE,
    pdf BLOB NOT NULL CHECK (length(pdf) > 0),
    sm3 TEXT NOT NULL CHECK (length(sm3) = 64),
    issued_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX electronic_receipt_reversals_issued ON electronic_receipt_reversals (issued_at);
  CREATE TRIGGER electronic_receipt_reversals_refunded
  BEFORE INSERT ON electronic_receipt_reversals
  WHEN (SELECT state FROM settlements WHERE id = NEW.settlement_id) IS NOT 'refunded'
  BEGIN
    SELECT RAISE(ABORT, '只有已退费的结算才开具红字电子票据（R-EINVOICE）');
  END;
  CREATE TRIGGER electronic_receipt_reversals_no_update
  BEFORE UPDATE ON electronic_receipt_reversals
  BEGIN SELECT RAISE(ABORT, '红字电子票据已开具，不可修改（R-EINVOICE）'); END;
  CREATE TRIGGER electronic_receipt_reversals_no_delete
  BEFORE DELETE ON electronic_receipt_reversals
  BEGIN SELECT RAISE(ABORT, '红字电子票据须保存，不可删除（R-EINVOICE）'); END;
`;
