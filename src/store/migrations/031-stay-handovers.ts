/**
 * Migration 031 (R-MT-SETTLE, 003 §三(一); D47): a completed dispensing of an inpatient's
 * dual-channel prescription handed to the hospital's inpatient settlement ("外配处方费用与住院费用
 * 合并结算"). The record is append-only: who recorded it and when, the stay's reference the
 * patient brings (hospital and 住院号 as typed), that the 备案表 was seen; a withdrawal (撤销,
 * before the hospital settles) adds who, when and why and is final.
 *
 * - Only a completed dispensing with no settlement that stands or may stand is handed over, and
 *   one so handed over is never settled at the pharmacy, nor cancelled while the record stands.
 * - sale_uploads.stay_handover_id: the 3505 (and a 3506 after a withdrawal) belong to the record.
 */
export const STAY_HANDOVERS_MIGRATION = `
  CREATE TABLE stay_handovers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    dispensing_id INTEGER NOT NULL REFERENCES dispensings (id),
    hospital TEXT NOT NULL CHECK (length(trim(hospital)) BETWEEN 2 AND 100),
    stay_no TEXT NOT NULL CHECK (length(trim(stay_no)) BETWEEN 1 AND 40),
    form_seen INTEGER NOT NULL CHECK (form_seen = 1),
    recorded_by INTEGER NOT NULL REFERENCES staff (id),
    recorded_at INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('handed_over', 'withdrawn')),
    withdrawn_by INTEGER REFERENCES staff (id),
    withdrawn_at INTEGER,
    withdraw_reason TEXT CHECK (withdraw_reason IS NULL OR length(trim(withdraw_reason)) >= 2),
    CHECK ((state = 'withdrawn') =
      (withdrawn_by IS NOT NULL AND withdrawn_at IS NOT NULL AND withdraw_reason IS NOT NULL)),
    CHECK (state = 'withdrawn' OR (withdrawn_by IS NULL AND withdrawn_at IS NULL
      AND withdraw_reason IS NULL))
  ) STRICT;
  CREATE UNIQUE INDEX stay_handovers_live ON stay_handovers (dispensing_id)
    WHERE state = 'handed_over';

  CREATE TRIGGER stay_handovers_of_held BEFORE INSERT ON stay_handovers
  BEGIN
    SELECT RAISE(ABORT, '随住院结算只能登记已完成调剂的调剂单')
     WHERE NEW.state <> 'handed_over'
        OR (SELECT state FROM dispensings WHERE id = NEW.dispensing_id) IS NOT 'completed';
    SELECT RAISE(ABORT, '该调剂单已有结算，不能再登记随住院结算')
     WHERE EXISTS (SELECT 1 FROM settlements
                    WHERE dispensing_id = NEW.dispensing_id AND state NOT IN ('refused', 'voided'));
  END;

  CREATE TRIGGER stay_handovers_append_only BEFORE UPDATE ON stay_handovers
  BEGIN
    SELECT RAISE(ABORT, '随住院结算记录只能撤销一次，其余内容不可修改')
     WHERE OLD.state <> 'handed_over' OR NEW.state <> 'withdrawn'
        OR NEW.id IS NOT OLD.id OR NEW.dispensing_id IS NOT OLD.dispensing_id
        OR NEW.hospital IS NOT OLD.hospital OR NEW.stay_no IS NOT OLD.stay_no
        OR NEW.form_seen IS NOT OLD.form_seen OR NEW.recorded_by IS NOT OLD.recorded_by
        OR NEW.recorded_at IS NOT OLD.recorded_at;
  END;

  CREATE TRIGGER stay_handovers_kept BEFORE DELETE ON stay_handovers
  BEGIN
    SELECT RAISE(ABORT, '随住院结算记录须保存，不可删除');
  END;

  CREATE TRIGGER settlements_not_with_stay BEFORE INSERT ON settlements
  WHEN EXISTS (SELECT 1 FROM stay_handovers
                WHERE dispensing_id = NEW.dispensing_id AND state = 'handed_over')
  BEGIN
    SELECT RAISE(ABORT, '该调剂单已登记随住院结算，费用由医院与住院费用合并结算，药店不能结算');
  END;

  CREATE TRIGGER dispensings_cancel_not_with_stay
  BEFORE UPDATE OF state ON dispensings
  WHEN OLD.state = 'completed' AND NEW.state <> 'completed'
   AND EXISTS (SELECT 1 FROM stay_handovers WHERE dispensing_id = OLD.id AND state = 'handed_over')
  BEGIN
    SELECT RAISE(ABORT, '该调剂单已登记随住院结算，须先撤销随住院结算记录');
  END;

  ALTER TABLE sale_uploads ADD COLUMN stay_handover_id INTEGER REFERENCES stay_handovers (id);
  CREATE INDEX sale_uploads_by_stay ON sale_uploads (stay_handover_id)
    WHERE stay_handover_id IS NOT NULL;
`;
