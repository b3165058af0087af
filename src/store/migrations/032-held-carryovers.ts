/**
 * Migration 032 (issue 19, 日结汇总, D46): a held dispensing (已调剂未结算) carried over past a
 * day's close, with the reason the closing staff member gave. One row per dispensing and day;
 * only a completed dispensing can be carried over, and a record is never changed or deleted
 * (R-KEEP).
 */
export const HELD_CARRYOVERS_MIGRATION = `
  CREATE TABLE held_carryovers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    dispensing_id INTEGER NOT NULL REFERENCES dispensings (id),
    day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    reason TEXT NOT NULL CHECK (length(trim(reason)) >= 4),
    staff_id INTEGER NOT NULL REFERENCES staff (id),
    at INTEGER NOT NULL,
    UNIQUE (dispensing_id, day)
  ) STRICT;

  CREATE TRIGGER held_carryover_only_completed BEFORE INSERT ON held_carryovers
  WHEN NOT EXISTS (SELECT 1 FROM dispensings WHERE id = NEW.dispensing_id AND state = 'completed')
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：只有已调剂未结算的调剂可以结转');
  END;

  CREATE TRIGGER held_carryover_no_update BEFORE UPDATE ON held_carryovers
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：待结算调剂的结转记录不得修改');
  END;

  CREATE TRIGGER held_carryover_no_delete BEFORE DELETE ON held_carryovers
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：待结算调剂的结转记录不得删除');
  END;
`;
