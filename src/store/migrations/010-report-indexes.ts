/**
 * Migration 10: what the manager's reports read by period (R-RECON, R-CATALOG, R-PRICE-PUB).
 *
 * The price actually charged for a drug exists only inside the frozen 2102 request
 * (settlements.request → input.drugdetail). Parsing a year of requests on every report would
 * cost seconds, so a trigger copies each request's fee lines into settlement_fee_lines when the
 * settlement is recorded (same transaction; defaults keep an odd request from ever blocking a
 * sale), existing settlements are copied once here, and the request is frozen so the copy can
 * never go stale. Covering indexes let each report read index pages only: settlement, outbox
 * and sale rows carry large JSON bodies.
 *
 * The two per-drug reports must not sort a year of lines (a GROUP BY over 300 000 rows costs
 * most of a second on a busy counter PC), so each reads an index ordered by drug and then time,
 * one drug of report_drug_codes after the other, and the groups stream out in order:
 * - flowed-prices: fee lines carry standing_settled_at, the settled time of their settlement
 *   while it stands (NULL before settling and after a refund), kept by a settlements trigger;
 * - dispensing-by-drug: dispensed_drug_facts holds one row per completed dispensing and drug,
 *   recomputed from the source tables by triggers whenever anything it sums changes.
 */
export const STANDING = "('settled', 'refunding', 'refund_unknown')";

const FEE_LINE_SELECT = `
  CAST(coalesce(json_extract(j.value, '$.feedetl_sn'), '') AS TEXT),
  CASE
    WHEN substr(json_extract(j.value, '$.feedetl_sn'), instr(json_extract(j.value, '$.feedetl_sn'), '-') + 1)
         GLOB '[0-9]*'
     AND substr(json_extract(j.value, '$.feedetl_sn'), instr(json_extract(j.value, '$.feedetl_sn'), '-') + 1)
         NOT GLOB '*[^0-9]*'
    THEN CAST(substr(json_extract(j.value, '$.feedetl_sn'), instr(json_extract(j.value, '$.feedetl_sn'), '-') + 1) AS INTEGER)
  END,
  CAST(coalesce(json_extract(j.value, '$.med_list_codg'), '') AS TEXT),
  CAST(round(coalesce(json_extract(j.value, '$.cnt'), 0)) AS INTEGER),
  CAST(round(coalesce(json_extract(j.value, '$.pric'), 0) * 10000) AS INTEGER),
  CAST(round(coalesce(json_extract(j.value, '$.det_item_fee_sumamt'), 0) * 100) AS INTEGER)
`;

/** 拆零 lines: units per pack of the dispensing line the fee line bills (NULL: whole packs). */
const UNITS_PER_PACK = (settlement: string) => `
  (SELECT CASE WHEN l.split_pack = 1 THEN l.units_per_pack END FROM dispensing_lines AS l
    WHERE l.dispensing_id = ${settlement}.dispensing_id
      AND l.line_no = CAST(substr(json_extract(j.value, '$.feedetl_sn'),
        instr(json_extract(j.value, '$.feedetl_sn'), '-') + 1) AS INTEGER))
`;

/**
 * Per completed dispensing and drug, exactly what dispensing-by-drug sums: packs are what stock
 * gave (dispensing_allocations, opened packs for 拆零), the amount is the drug's fee lines in
 * the dispensing's standing 2102 (nothing while unsettled). `where` picks the dispensings.
 */
const DISPENSED_DRUGS_SELECT = (where: string, counted: string) => `
  SELECT d.id, l.med_list_codg, d.completed_at, min(l.genname), max(d.paper_id IS NOT NULL),
         coalesce(sum(
           (SELECT sum(a.packs) FROM dispensing_allocations AS a
             WHERE a.dispensing_id = l.dispensing_id AND a.line_no = l.line_no)), 0),
         coalesce(sum(
           (SELECT sum(f.amount_fen) FROM settlements AS s
              JOIN settlement_fee_lines AS f ON f.settlement_id = s.id
             WHERE s.dispensing_id = d.id AND s.state IN ${STANDING} AND f.line_no = l.line_no)), 0)
    FROM dispensings AS d JOIN dispensing_lines AS l ON l.dispensing_id = d.id AND l.qty_dispensed > 0
   WHERE ${counted} AND ${where}
   GROUP BY d.id, l.med_list_codg
`;

/**
 * Adds the codes `select` yields that report_drug_codes lacks. Not INSERT OR IGNORE: inside a
 * trigger the outer statement's conflict clause (an UPSERT's) would override the IGNORE.
 */
const ADD_DRUG_CODES = (select: string) => `
    INSERT INTO report_drug_codes (med_list_codg)
    SELECT DISTINCT n.med_list_codg FROM (${select}) AS n
     WHERE NOT EXISTS (SELECT 1 FROM report_drug_codes AS c WHERE c.med_list_codg = n.med_list_codg)`;

/** Recomputes one dispensing's facts from the source tables (trigger body statements). */
const REFRESH_DISPENSED = (dispensingId: string, counted: string) => `
    DELETE FROM dispensed_drug_facts WHERE dispensing_id = ${dispensingId};
    INSERT INTO dispensed_drug_facts
      (dispensing_id, med_list_codg, completed_at, genname, paper, packs, amount_fen)
    ${DISPENSED_DRUGS_SELECT(`d.id = ${dispensingId}`, counted)};
    ${ADD_DRUG_CODES(`SELECT med_list_codg FROM dispensed_drug_facts WHERE dispensing_id = ${dispensingId}`)};
`;

/** Line and allocation changes matter only once their dispensing is completed. */
const COMPLETED = (dispensingId: string) =>
  `(SELECT state FROM dispensings WHERE id = ${dispensingId}) = 'completed'`;

const STANDING_SETTLED_AT = (settlement: string) =>
  `CASE WHEN ${settlement}.state IN ${STANDING} THEN ${settlement}.settled_at END`;

/** Which dispensings dispensed_drug_facts holds (alias d); migration 16 narrows it. */
const COMPLETED_DISPENSING = "d.state = 'completed'";

/** Copies a new settlement's fee lines and refreshes its dispensing's facts. */
export const FEE_LINES_FROM_REQUEST = (counted: string) => `
  CREATE TRIGGER settlement_fee_lines_from_request AFTER INSERT ON settlements
  BEGIN
    INSERT INTO settlement_fee_lines (settlement_id, feedetl_sn, line_no, med_list_codg, cnt,
      price_units, amount_fen, units_per_pack, standing_settled_at)
    SELECT NEW.id, ${FEE_LINE_SELECT}, ${UNITS_PER_PACK('NEW')}, ${STANDING_SETTLED_AT('NEW')}
      FROM json_each(NEW.request, '$.input.drugdetail') AS j;
    ${ADD_DRUG_CODES('SELECT med_list_codg FROM settlement_fee_lines WHERE settlement_id = NEW.id')};
    ${REFRESH_DISPENSED('NEW.dispensing_id', counted)}
  END;

`;

/** The triggers that keep dispensed_drug_facts equal to its source tables. */
export const DISPENSED_FACT_TRIGGERS = (counted: string) => `
  -- Settling, refunding or a refund answered: the fee lines follow, so does the dispensing's amount.
  CREATE TRIGGER settlement_standing_for_reports
  AFTER UPDATE OF state, settled_at ON settlements
  WHEN NEW.state IS NOT OLD.state OR NEW.settled_at IS NOT OLD.settled_at
  BEGIN
    UPDATE settlement_fee_lines SET standing_settled_at = ${STANDING_SETTLED_AT('NEW')}
     WHERE settlement_id = NEW.id;
    ${REFRESH_DISPENSED('NEW.dispensing_id', counted)}
  END;

  -- Completed, returned or (re)linked to a paper prescription: recompute its facts.
  CREATE TRIGGER dispensing_facts_on_state AFTER UPDATE OF state, completed_at, paper_id ON dispensings
  WHEN NEW.state IS NOT OLD.state OR NEW.completed_at IS NOT OLD.completed_at
    OR NEW.paper_id IS NOT OLD.paper_id
  BEGIN
    ${REFRESH_DISPENSED('NEW.id', counted)}
  END;
  CREATE TRIGGER dispensing_facts_on_line_insert AFTER INSERT ON dispensing_lines
  WHEN ${COMPLETED('NEW.dispensing_id')}
  BEGIN
    ${REFRESH_DISPENSED('NEW.dispensing_id', counted)}
  END;
  CREATE TRIGGER dispensing_facts_on_line_update AFTER UPDATE ON dispensing_lines
  WHEN ${COMPLETED('NEW.dispensing_id')}
  BEGIN
    ${REFRESH_DISPENSED('NEW.dispensing_id', counted)}
  END;
  CREATE TRIGGER dispensing_facts_on_line_delete AFTER DELETE ON dispensing_lines
  WHEN ${COMPLETED('OLD.dispensing_id')}
  BEGIN
    ${REFRESH_DISPENSED('OLD.dispensing_id', counted)}
  END;
  CREATE TRIGGER dispensing_facts_on_allocation_insert AFTER INSERT ON dispensing_allocations
  WHEN ${COMPLETED('NEW.dispensing_id')}
  BEGIN
    ${REFRESH_DISPENSED('NEW.dispensing_id', counted)}
  END;
  CREATE TRIGGER dispensing_facts_on_allocation_update AFTER UPDATE ON dispensing_allocations
  WHEN ${COMPLETED('NEW.dispensing_id')}
  BEGIN
    ${REFRESH_DISPENSED('NEW.dispensing_id', counted)}
  END;
  CREATE TRIGGER dispensing_facts_on_allocation_delete AFTER DELETE ON dispensing_allocations
  WHEN ${COMPLETED('OLD.dispensing_id')}
  BEGIN
    ${REFRESH_DISPENSED('OLD.dispensing_id', counted)}
  END;

`;

export const REPORT_MIGRATION = `
  -- One fee line of a 2102 exactly as sent. line_no is the dispensing line (feedetl_sn
  -- "<dispensing>-<line>"), NULL for a line outside the prescription such as a delivery fee.
  CREATE TABLE settlement_fee_lines (
    settlement_id INTEGER NOT NULL REFERENCES settlements (id),
    feedetl_sn TEXT NOT NULL,
    line_no INTEGER,
    med_list_codg TEXT NOT NULL,
    -- packs, or units of a 拆零 line
    cnt INTEGER NOT NULL,
    -- unit price in 1/10 000 yuan (the wire's four decimals)
    price_units INTEGER NOT NULL,
    amount_fen INTEGER NOT NULL,
    -- units per pack of a 拆零 line (copied from its dispensing line), NULL for whole packs
    units_per_pack INTEGER,
    -- settlements.settled_at while the settlement stands (settled, refunding, refund_unknown)
    standing_settled_at INTEGER
  ) STRICT;
  CREATE INDEX settlement_fee_lines_by_settlement ON settlement_fee_lines
    (settlement_id, line_no, med_list_codg, cnt, price_units, amount_fen, units_per_pack);
  -- flowed-prices: one drug after the other, its standing prescription lines by settled time
  CREATE INDEX settlement_fee_lines_by_drug ON settlement_fee_lines
    (med_list_codg, standing_settled_at, cnt, units_per_pack, price_units, amount_fen, line_no)
    WHERE standing_settled_at IS NOT NULL AND line_no IS NOT NULL AND cnt > 0;

  -- Every drug code a report may group by (the outer loop of the per-drug reports).
  CREATE TABLE report_drug_codes (med_list_codg TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;

  -- One row per completed (not returned, not cancelled) dispensing and dispensed drug.
  CREATE TABLE dispensed_drug_facts (
    dispensing_id INTEGER NOT NULL REFERENCES dispensings (id),
    med_list_codg TEXT NOT NULL,
    completed_at INTEGER NOT NULL,
    genname TEXT NOT NULL,
    paper INTEGER NOT NULL CHECK (paper IN (0, 1)),
    packs INTEGER NOT NULL,
    amount_fen INTEGER NOT NULL,
    PRIMARY KEY (dispensing_id, med_list_codg)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX dispensed_drug_facts_by_drug ON dispensed_drug_facts
    (med_list_codg, completed_at, packs, amount_fen, paper, genname);

${FEE_LINES_FROM_REQUEST(COMPLETED_DISPENSING)}
  INSERT INTO settlement_fee_lines (settlement_id, feedetl_sn, line_no, med_list_codg, cnt,
    price_units, amount_fen, units_per_pack, standing_settled_at)
  SELECT s.id, ${FEE_LINE_SELECT}, ${UNITS_PER_PACK('s')}, ${STANDING_SETTLED_AT('s')}
    FROM settlements AS s, json_each(s.request, '$.input.drugdetail') AS j;

  CREATE TRIGGER settlements_request_frozen
  BEFORE UPDATE OF request ON settlements
  WHEN NEW.request IS NOT OLD.request
  BEGIN
    SELECT RAISE(ABORT, '结算请求已冻结，不可修改');
  END;
  CREATE TRIGGER settlement_fee_lines_kept BEFORE DELETE ON settlement_fee_lines
  BEGIN
    SELECT RAISE(ABORT, '结算明细须保存，不可删除');
  END;

${DISPENSED_FACT_TRIGGERS(COMPLETED_DISPENSING)}
  -- settlements-daily: settled sales by the time the center settled them
  CREATE INDEX settlements_by_settled_at
    ON settlements (settled_at, state, dispensing_id, medfee_fen, fund_fen, acct_fen, cash_fen)
    WHERE settled_at IS NOT NULL;
  CREATE INDEX settlements_by_refunded_at ON settlements (refunded_at, state, medfee_fen)
    WHERE refunded_at IS NOT NULL;
  -- the dispensing's settlements with their state (dispensed_drug_facts)
  CREATE INDEX settlement_states_by_dispensing ON settlements (dispensing_id, state);
  CREATE INDEX self_pay_sales_by_time ON self_pay_sales (sold_at, total_fen);
  -- dispensing-by-drug: completed dispensings of the period (the prescription count), and the
  -- lines and allocations dispensed_drug_facts sums
  CREATE INDEX dispensings_completed_by_time ON dispensings (completed_at)
    WHERE state = 'completed';
  CREATE INDEX dispensing_lines_for_reports
    ON dispensing_lines (dispensing_id, line_no, qty_dispensed, med_list_codg);
  CREATE INDEX dispensing_allocations_for_reports
    ON dispensing_allocations (dispensing_id, line_no, packs);

  -- outbox-health: queued and delivered per day and per transaction
  CREATE INDEX outbox_by_created ON outbox (created_at, infno);
  CREATE INDEX outbox_by_delivered ON outbox (delivered_at, infno, created_at)
    WHERE delivered_at IS NOT NULL;

  -- Dispensings completed before this migration (after the indexes: it looks settlements up).
  INSERT INTO dispensed_drug_facts
    (dispensing_id, med_list_codg, completed_at, genname, paper, packs, amount_fen)
  ${DISPENSED_DRUGS_SELECT('1', COMPLETED_DISPENSING)};

  INSERT OR IGNORE INTO report_drug_codes (med_list_codg)
    SELECT med_list_codg FROM settlement_fee_lines
    UNION SELECT med_list_codg FROM dispensed_drug_facts;
`;
