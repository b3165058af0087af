/**
 * Migration 6: paper prescriptions (R-PAPER-VALID, R-PAPER-NO, R-PAPER-KEEP, R-KEEP).
 * Images live in the database, content-addressed by their SM3 digest, so one file (and one
 * backup) holds record and image together and both fall under the same retention triggers.
 * Archived content cannot be deleted or changed before created_at + 2 years; only the
 * status may move from captured to dispensed (the dispense area's hand-over).
 */
export const PAPER_MIGRATION = `
  CREATE TABLE paper_images (
    sm3 TEXT PRIMARY KEY CHECK (length(sm3) = 64),
    mime TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'application/pdf')),
    size INTEGER NOT NULL CHECK (size > 0),
    bytes BLOB NOT NULL,
    created_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE paper_prescriptions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_code TEXT NOT NULL,
    institution_name TEXT NOT NULL,
    serial_no TEXT NOT NULL,
    rx_date TEXT NOT NULL CHECK (rx_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    physician_name TEXT NOT NULL,
    patient_name TEXT NOT NULL,
    patient_certno TEXT NOT NULL,
    long_rx INTEGER NOT NULL CHECK (long_rx IN (0, 1)),
    signature_confirmed INTEGER NOT NULL CHECK (signature_confirmed = 1),
    stamp_confirmed INTEGER NOT NULL CHECK (stamp_confirmed = 1),
    image_sm3 TEXT NOT NULL REFERENCES paper_images (sm3),
    region_id TEXT NOT NULL,
    warnings TEXT NOT NULL CHECK (json_valid(warnings)),
    status TEXT NOT NULL DEFAULT 'captured' CHECK (status IN ('captured', 'dispensed')),
    captured_by INTEGER NOT NULL REFERENCES staff (id),
    created_at INTEGER NOT NULL,
    UNIQUE (institution_code, serial_no)
  ) STRICT;
  CREATE INDEX paper_by_patient_name ON paper_prescriptions (patient_name, id);
  CREATE INDEX paper_by_certno ON paper_prescriptions (patient_certno, id);
  CREATE INDEX paper_by_serial ON paper_prescriptions (serial_no, id);
  CREATE INDEX paper_by_rx_date ON paper_prescriptions (rx_date, id);
  CREATE INDEX paper_by_created ON paper_prescriptions (created_at, id);

  CREATE TABLE paper_prescription_lines (
    paper_id INTEGER NOT NULL REFERENCES paper_prescriptions (id),
    line_no INTEGER NOT NULL CHECK (line_no > 0),
    med_list_codg TEXT NOT NULL,
    genname TEXT NOT NULL,
    spec TEXT NOT NULL,
    unit TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    days INTEGER NOT NULL CHECK (days > 0),
    dual_channel INTEGER NOT NULL CHECK (dual_channel IN (0, 1)),
    PRIMARY KEY (paper_id, line_no)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX paper_lines_by_drug ON paper_prescription_lines (med_list_codg, paper_id);

  CREATE TRIGGER paper_rx_keep_delete BEFORE DELETE ON paper_prescriptions
  WHEN datetime(OLD.created_at / 1000, 'unixepoch', '+2 years') > datetime('now')
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：纸质处方保存期（自归档起2年）内不得删除（R-PAPER-KEEP）');
  END;

  CREATE TRIGGER paper_rx_keep_update BEFORE UPDATE ON paper_prescriptions
  WHEN datetime(OLD.created_at / 1000, 'unixepoch', '+2 years') > datetime('now')
    AND (NEW.id IS NOT OLD.id OR NEW.institution_code IS NOT OLD.institution_code
      OR NEW.institution_name IS NOT OLD.institution_name OR NEW.serial_no IS NOT OLD.serial_no
      OR NEW.rx_date IS NOT OLD.rx_date OR NEW.physician_name IS NOT OLD.physician_name
      OR NEW.patient_name IS NOT OLD.patient_name OR NEW.patient_certno IS NOT OLD.patient_certno
      OR NEW.long_rx IS NOT OLD.long_rx OR NEW.signature_confirmed IS NOT OLD.signature_confirmed
      OR NEW.stamp_confirmed IS NOT OLD.stamp_confirmed OR NEW.image_sm3 IS NOT OLD.image_sm3
      OR NEW.region_id IS NOT OLD.region_id OR NEW.warnings IS NOT OLD.warnings
      OR NEW.captured_by IS NOT OLD.captured_by OR NEW.created_at IS NOT OLD.created_at
      OR (OLD.status = 'dispensed' AND NEW.status <> 'dispensed'))
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：纸质处方保存期（自归档起2年）内不得修改归档内容（R-PAPER-KEEP）');
  END;

  CREATE TRIGGER paper_lines_keep_delete BEFORE DELETE ON paper_prescription_lines
  WHEN EXISTS (SELECT 1 FROM paper_prescriptions p WHERE p.id = OLD.paper_id
    AND datetime(p.created_at / 1000, 'unixepoch', '+2 years') > datetime('now'))
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：纸质处方保存期（自归档起2年）内不得删除处方明细（R-PAPER-KEEP）');
  END;

  CREATE TRIGGER paper_lines_keep_update BEFORE UPDATE ON paper_prescription_lines
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：已归档的纸质处方明细不得修改（R-PAPER-KEEP）');
  END;

  CREATE TRIGGER paper_images_keep_update BEFORE UPDATE ON paper_images
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：已归档的纸质处方影像不得修改（R-PAPER-KEEP）');
  END;

  CREATE TRIGGER paper_images_keep_delete BEFORE DELETE ON paper_images
  WHEN EXISTS (SELECT 1 FROM paper_prescriptions p WHERE p.image_sm3 = OLD.sm3)
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：仍有纸质处方引用的影像不得删除（R-PAPER-KEEP）');
  END;
`;
