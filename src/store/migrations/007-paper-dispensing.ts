/**
 * Migration 7: paper prescriptions dispensed and settled through the same path (R-PAPER-*).
 *
 * A dispensing now comes from exactly one source: an e-prescription (`hi_rxno`) or an archived
 * paper prescription (`paper_id`, with the licensed pharmacist who reviewed it at the counter in
 * `reviewed_by`, R-PHARMACIST). SQLite cannot relax NOT NULL in place, so `dispensings` is
 * rebuilt by its documented 12-step procedure; the runner turns foreign keys off around this
 * step and runs `PRAGMA foreign_key_check` before committing (Migration.rebuildsTables). The
 * AUTOINCREMENT high-water mark is carried over so no dispensing id is ever reused.
 */
export const PAPER_DISPENSING_MIGRATION = `
  CREATE TABLE dispensings_v7 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    hi_rxno TEXT REFERENCES prescriptions (hi_rxno),
    paper_id INTEGER REFERENCES paper_prescriptions (id),
    reviewed_by INTEGER REFERENCES staff (id),
    certno TEXT NOT NULL,
    patient_name TEXT NOT NULL,
    staff_id INTEGER NOT NULL REFERENCES staff (id),
    state TEXT NOT NULL CHECK (state IN ('open', 'completed', 'cancelled', 'returned')),
    started_at INTEGER NOT NULL,
    completed_at INTEGER,
    ended_at INTEGER,
    CHECK ((hi_rxno IS NULL) <> (paper_id IS NULL)),
    CHECK (paper_id IS NULL OR reviewed_by IS NOT NULL),
    CHECK ((state = 'open') = (ended_at IS NULL)),
    CHECK (state <> 'completed' OR completed_at IS NOT NULL)
  ) STRICT;

  INSERT INTO dispensings_v7 (id, hi_rxno, paper_id, reviewed_by, certno, patient_name, staff_id,
    state, started_at, completed_at, ended_at)
  SELECT id, hi_rxno, NULL, NULL, certno, patient_name, staff_id, state, started_at,
    completed_at, ended_at
  FROM dispensings;

  DELETE FROM sqlite_sequence WHERE name = 'dispensings_v7';
  INSERT INTO sqlite_sequence (name, seq)
    SELECT 'dispensings_v7', seq FROM sqlite_sequence WHERE name = 'dispensings';

  DROP TABLE dispensings;
  ALTER TABLE dispensings_v7 RENAME TO dispensings;

  -- R-STATUS: at most one open or completed dispensing per prescription, e- or paper.
  CREATE UNIQUE INDEX dispensings_live_per_rx ON dispensings (hi_rxno)
    WHERE state IN ('open', 'completed');
  CREATE UNIQUE INDEX dispensings_live_per_paper ON dispensings (paper_id)
    WHERE state IN ('open', 'completed');
  CREATE INDEX dispensings_by_patient ON dispensings (certno, completed_at);
  CREATE INDEX dispensings_by_paper ON dispensings (paper_id) WHERE paper_id IS NOT NULL;

  -- The latest settlement of a dispensing (the paper archive shows it per search result).
  CREATE INDEX settlements_by_dispensing ON settlements (dispensing_id, id);
`;
