import { DISPENSED_FACT_TRIGGERS, FEE_LINES_FROM_REQUEST, STANDING } from './010-report-indexes';

/** A dispensing is a sale in the reports only while a settlement of it stands. */
const SETTLED_DISPENSING = `d.state = 'completed' AND EXISTS (SELECT 1 FROM settlements AS s
  WHERE s.dispensing_id = d.id AND s.state IN ${STANDING})`;

/**
 * Migration 16: held dispensings (completed, never settled) and 撤销调剂 (issue 19).
 *
 * - A completed dispensing may be cancelled (completed → cancelled) only with a reason and by
 *   whom, and never while a settlement of it stands or may stand (settling, settled,
 *   outcome_unknown, refunding, refund_unknown): a settled sale is reversed by refund (R-REVERSE).
 * - dispensed_drug_facts (dispensing-by-drug) now holds only dispensings with a standing
 *   settlement: a held or cancelled dispensing is not a sale and must not appear at ¥0.00.
 */
export const HELD_DISPENSINGS_MIGRATION = `
  ALTER TABLE dispensings ADD COLUMN cancel_reason TEXT
    CHECK (cancel_reason IS NULL OR length(trim(cancel_reason)) >= 2);
  ALTER TABLE dispensings ADD COLUMN cancelled_by INTEGER REFERENCES staff (id);

  CREATE TRIGGER dispensings_held_cancel
  BEFORE UPDATE OF state ON dispensings
  WHEN OLD.state = 'completed' AND NEW.state = 'cancelled'
  BEGIN
    SELECT RAISE(ABORT, '撤销调剂须记录原因和操作药师')
     WHERE NEW.cancel_reason IS NULL OR NEW.cancelled_by IS NULL;
    SELECT RAISE(ABORT, '该调剂单已有结算，不能撤销调剂，请走退费')
     WHERE EXISTS (SELECT 1 FROM settlements
                    WHERE dispensing_id = NEW.id AND state NOT IN ('refused', 'voided'));
  END;

  DROP TRIGGER settlement_fee_lines_from_request;
  DROP TRIGGER settlement_standing_for_reports;
  DROP TRIGGER dispensing_facts_on_state;
  DROP TRIGGER dispensing_facts_on_line_insert;
  DROP TRIGGER dispensing_facts_on_line_update;
  DROP TRIGGER dispensing_facts_on_line_delete;
  DROP TRIGGER dispensing_facts_on_allocation_insert;
  DROP TRIGGER dispensing_facts_on_allocation_update;
  DROP TRIGGER dispensing_facts_on_allocation_delete;
  ${FEE_LINES_FROM_REQUEST(SETTLED_DISPENSING)}
  ${DISPENSED_FACT_TRIGGERS(SETTLED_DISPENSING)}

  DELETE FROM dispensed_drug_facts
   WHERE dispensing_id NOT IN (SELECT d.id FROM dispensings AS d WHERE ${SETTLED_DISPENSING});
`;
