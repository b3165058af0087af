/**
 * Migration 27: the insurance standing of each person as 1101 last answered (issue 19 item 8).
 *
 * Identification and download record whether the person's basic insurance is in force and
 * where they are insured, so the prescription screen can say it in red before anything is
 * dispensed, and so the database itself refuses to open a dispensing of an e-prescription for
 * a person whose insurance is not in force (R-SETTLE): the fund would refuse it only after
 * the drugs were scanned and taken from stock.
 */
export const INSURANCE_STANDINGS_MIGRATION = `
  CREATE TABLE insurance_standings (
    certno TEXT PRIMARY KEY,
    psn_no TEXT NOT NULL,
    settleable INTEGER NOT NULL CHECK (settleable IN (0, 1)),
    status_text TEXT NOT NULL,
    insuplc_admdvs TEXT NOT NULL,
    remote INTEGER NOT NULL CHECK (remote IN (0, 1)),
    checked_at INTEGER NOT NULL
  ) STRICT;

  CREATE TRIGGER dispensing_needs_insurance_in_force BEFORE INSERT ON dispensings
  WHEN NEW.hi_rxno IS NOT NULL
    AND EXISTS (SELECT 1 FROM insurance_standings s WHERE s.certno = upper(NEW.certno) AND s.settleable = 0)
  BEGIN
    SELECT RAISE(ABORT, '参保人基本医疗保险不是正常参保，不能按医保调剂此电子处方（R-SETTLE）');
  END;
`;
