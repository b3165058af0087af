/**
 * Migration 28: a cashier may capture a paper prescription; a licensed pharmacist confirms it
 * (or sends it back with a reason) before it can be dispensed (R-PHARMACIST, issue 19 item 11).
 *
 * One row per decided record: who decided, when, and the reason of a rejection. No row means
 * 待药师确认. A pharmacist's own capture is confirmed in the capturing transaction. Records
 * archived before this migration were all captured by pharmacists (the service allowed no one
 * else), so each gets its confirmation from its capture. The database itself refuses a decision
 * by anyone but a pharmacist, any change to a decision, and a dispensing of a paper prescription
 * that no pharmacist confirmed.
 */
export const PAPER_CONFIRMATION_MIGRATION = `
  CREATE TABLE paper_confirmations (
    paper_id INTEGER PRIMARY KEY REFERENCES paper_prescriptions (id),
    decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'rejected')),
    reason TEXT CHECK (decision <> 'rejected' OR length(trim(reason)) > 0),
    decided_by INTEGER NOT NULL REFERENCES staff (id),
    decided_at INTEGER NOT NULL
  ) STRICT;

  INSERT INTO paper_confirmations (paper_id, decision, reason, decided_by, decided_at)
  SELECT id, 'confirmed', NULL, captured_by, created_at FROM paper_prescriptions;

  CREATE TRIGGER paper_confirmation_by_pharmacist BEFORE INSERT ON paper_confirmations
  WHEN NOT EXISTS (SELECT 1 FROM staff WHERE id = NEW.decided_by AND role = 'pharmacist')
  BEGIN
    SELECT RAISE(ABORT, 'R-PHARMACIST：纸质处方须由执业药师确认或退回');
  END;

  CREATE TRIGGER paper_confirmation_no_update BEFORE UPDATE ON paper_confirmations
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：药师对纸质处方的确认或退回不得修改');
  END;

  CREATE TRIGGER paper_confirmation_no_delete BEFORE DELETE ON paper_confirmations
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：药师对纸质处方的确认或退回不得删除');
  END;

  CREATE TRIGGER dispensing_needs_confirmed_paper BEFORE INSERT ON dispensings
  WHEN NEW.paper_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM paper_confirmations c WHERE c.paper_id = NEW.paper_id AND c.decision = 'confirmed')
  BEGIN
    SELECT RAISE(ABORT, 'R-PHARMACIST：纸质处方未经执业药师确认，不得调剂');
  END;
`;
