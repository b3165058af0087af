/**
 * Migration 9: what the risk signals need that no other table records (R-RISK).
 *
 * - scan_refusals: every traceability-code scan the counter refused (R-TRACE-ONCE, R-TRACE,
 *   R-NOSWAP). A code refused again and again at the counter is the resale pattern the national
 *   notice (000 前言、§五) names; the row is kept like any sales record (R-KEEP).
 * - rx_risk_facts: per e-prescription, the few fields of its stored 7204 reply the signals group
 *   by (prescriber, department, long-prescription flag) and its completed dispensing (time,
 *   patient), so a year of signal 5 neither parses the replies' JSON nor sorts the dispensings.
 * - rx_supply_facts: one row per line of a completed e-prescription dispensing (person, drug,
 *   time, days, packs), indexed by person and drug, so signal 3 reads each person's history of a
 *   drug in order instead of sorting a year of dispensing lines, and signal 2 finds its large
 *   lines without visiting every line of the year.
 * Triggers keep both fact tables in the same transaction as the dispensing or the reply, and
 * existing rows are copied once here. A later migration that rebuilds dispensings or
 * dispensing_lines must create these triggers again (they are dropped with the old table).
 */
/** A completed dispensing of an e-prescription (paper prescriptions are read from the archive). */
const E_DISPENSED = (d: string) => `${d}.state = 'completed' AND ${d}.hi_rxno IS NOT NULL`;

/** Prescriber, department and long-prescription flag of a stored 7204 reply. */
const prescriber = (reply: string) => `
  coalesce(json_extract(${reply}, '$.mdtrtinfo.dr_code'), ''),
  coalesce(json_extract(${reply}, '$.mdtrtinfo.prsc_dr_name'), ''),
  coalesce(json_extract(${reply}, '$.mdtrtinfo.prsc_dept_name'), ''),
  CASE WHEN json_extract(${reply}, '$.data.long_rx_flag') IN ('1', 1) THEN 1 ELSE 0 END`;

/** Keeps the dispensing columns: a reply stored again does not undo a dispensing. */
const UPSERT_PRESCRIBER = `
  INSERT INTO rx_risk_facts
    (hi_rxno, fixmedins_code, fixmedins_name, dr_code, dr_name, dept_name, long_rx)
  VALUES (NEW.hi_rxno, NEW.fixmedins_code, NEW.fixmedins_name, ${prescriber('NEW.reply')})
  ON CONFLICT (hi_rxno) DO UPDATE SET fixmedins_code = excluded.fixmedins_code,
    fixmedins_name = excluded.fixmedins_name, dr_code = excluded.dr_code,
    dr_name = excluded.dr_name, dept_name = excluded.dept_name, long_rx = excluded.long_rx;`;

const ADD_DISPENSING = `
  UPDATE rx_risk_facts SET completed_at = NEW.completed_at, certno = NEW.certno
    WHERE hi_rxno = NEW.hi_rxno AND ${E_DISPENSED('NEW')};
  INSERT INTO rx_supply_facts
    (dispensing_id, line_no, certno, med_list_codg, completed_at, days, packs)
    SELECT NEW.id, l.line_no, NEW.certno, l.med_list_codg, NEW.completed_at, l.days, l.packs_prescribed
    FROM dispensing_lines l WHERE l.dispensing_id = NEW.id AND ${E_DISPENSED('NEW')};`;

const REMOVE_DISPENSING = `
  DELETE FROM rx_supply_facts WHERE dispensing_id = OLD.id;
  UPDATE rx_risk_facts SET completed_at = NULL, certno = NULL
    WHERE hi_rxno = OLD.hi_rxno AND OLD.state = 'completed';`;

const addLine = (line: string) => `
  INSERT INTO rx_supply_facts
    (dispensing_id, line_no, certno, med_list_codg, completed_at, days, packs)
    SELECT d.id, ${line}.line_no, d.certno, ${line}.med_list_codg, d.completed_at, ${line}.days,
      ${line}.packs_prescribed
    FROM dispensings d WHERE d.id = ${line}.dispensing_id AND ${E_DISPENSED('d')};`;

export const RISK_MIGRATION = `
  CREATE TABLE scan_refusals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('dispense', 'self_pay')),
    -- the open dispensing the scan was made on; NULL for a self-pay sale (refused before it exists)
    dispensing_id INTEGER REFERENCES dispensings (id),
    -- the text as scanned (capped), and the pack key it parsed to (NULL when unreadable)
    code TEXT NOT NULL CHECK (length(code) > 0),
    pack_key TEXT,
    med_list_codg TEXT,
    reason TEXT NOT NULL CHECK (length(reason) > 0),
    rule_id TEXT,
    staff_id INTEGER NOT NULL REFERENCES staff (id),
    CHECK (channel = 'self_pay' OR dispensing_id IS NOT NULL)
  ) STRICT;
  CREATE INDEX scan_refusals_by_at ON scan_refusals (at);
  CREATE INDEX scan_refusals_by_key ON scan_refusals (pack_key, at) WHERE pack_key IS NOT NULL;

  CREATE TRIGGER scan_refusals_kept_delete BEFORE DELETE ON scan_refusals
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：扫码拒绝记录须保存，不可删除');
  END;
  CREATE TRIGGER scan_refusals_kept_update BEFORE UPDATE ON scan_refusals
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：扫码拒绝记录不可修改');
  END;

  CREATE TABLE rx_risk_facts (
    hi_rxno TEXT PRIMARY KEY,
    fixmedins_code TEXT NOT NULL,
    fixmedins_name TEXT NOT NULL,
    dr_code TEXT NOT NULL,
    dr_name TEXT NOT NULL,
    dept_name TEXT NOT NULL,
    long_rx INTEGER NOT NULL CHECK (long_rx IN (0, 1)),
    -- the prescription's completed dispensing (NULL while not dispensed, or after a return)
    completed_at INTEGER,
    certno TEXT,
    CHECK ((completed_at IS NULL) = (certno IS NULL))
  ) STRICT, WITHOUT ROWID;
  -- signal 5 groups a period's dispensed prescriptions by prescriber without sorting them
  CREATE INDEX rx_risk_facts_by_prescriber
    ON rx_risk_facts (fixmedins_code, dr_code, dr_name, certno, completed_at, fixmedins_name, dept_name)
    WHERE completed_at IS NOT NULL;

  CREATE TRIGGER rx_risk_facts_on_insert AFTER INSERT ON prescriptions
  BEGIN
    ${UPSERT_PRESCRIBER}
  END;

  CREATE TRIGGER rx_risk_facts_on_update AFTER UPDATE OF reply, fixmedins_code, fixmedins_name
    ON prescriptions
  BEGIN
    ${UPSERT_PRESCRIBER}
  END;

  INSERT INTO rx_risk_facts
    (hi_rxno, fixmedins_code, fixmedins_name, dr_code, dr_name, dept_name, long_rx, completed_at, certno)
  SELECT p.hi_rxno, p.fixmedins_code, p.fixmedins_name, ${prescriber('p.reply')}, d.completed_at, d.certno
  FROM prescriptions p
  LEFT JOIN dispensings d ON d.hi_rxno = p.hi_rxno AND d.state = 'completed';

  CREATE TABLE rx_supply_facts (
    dispensing_id INTEGER NOT NULL,
    line_no INTEGER NOT NULL,
    certno TEXT NOT NULL,
    med_list_codg TEXT NOT NULL,
    completed_at INTEGER NOT NULL,
    days INTEGER,
    packs INTEGER NOT NULL,
    PRIMARY KEY (dispensing_id, line_no)
  ) STRICT, WITHOUT ROWID;
  -- signal 3 reads each person's dispensings of each drug in time order, without sorting them;
  -- signal 2 scans the same index for its few large lines
  CREATE INDEX rx_supply_facts_by_person_drug
    ON rx_supply_facts (certno, med_list_codg, completed_at, dispensing_id, line_no, days, packs);

  INSERT INTO rx_supply_facts
    (dispensing_id, line_no, certno, med_list_codg, completed_at, days, packs)
  SELECT d.id, l.line_no, d.certno, l.med_list_codg, d.completed_at, l.days, l.packs_prescribed
  FROM dispensings d
  JOIN dispensing_lines l ON l.dispensing_id = d.id
  WHERE ${E_DISPENSED('d')};

  CREATE TRIGGER risk_facts_on_dispensing_insert AFTER INSERT ON dispensings
  WHEN ${E_DISPENSED('NEW')}
  BEGIN
    ${ADD_DISPENSING}
  END;

  CREATE TRIGGER risk_facts_on_dispensing_update
    AFTER UPDATE OF id, hi_rxno, certno, state, completed_at ON dispensings
  BEGIN
    ${REMOVE_DISPENSING}
    ${ADD_DISPENSING}
  END;

  CREATE TRIGGER risk_facts_on_dispensing_delete AFTER DELETE ON dispensings
  BEGIN
    ${REMOVE_DISPENSING}
  END;

  CREATE TRIGGER rx_supply_facts_on_line_insert AFTER INSERT ON dispensing_lines
  BEGIN
    ${addLine('NEW')}
  END;

  CREATE TRIGGER rx_supply_facts_on_line_update
    AFTER UPDATE OF dispensing_id, line_no, med_list_codg, days, packs_prescribed ON dispensing_lines
  BEGIN
    DELETE FROM rx_supply_facts WHERE dispensing_id = OLD.dispensing_id AND line_no = OLD.line_no;
    ${addLine('NEW')}
  END;

  CREATE TRIGGER rx_supply_facts_on_line_delete AFTER DELETE ON dispensing_lines
  BEGIN
    DELETE FROM rx_supply_facts WHERE dispensing_id = OLD.dispensing_id AND line_no = OLD.line_no;
  END;
`;
