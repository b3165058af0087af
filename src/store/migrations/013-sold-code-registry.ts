/**
 * Migration 13: one sold-code registry for every sale path (R-TRACE-ONCE).
 *
 * - sold_codes now also holds the packs of self-pay (cash) sales: a row belongs to exactly one
 *   dispensing (insured e-prescription or paper) or one self-pay sale. The primary key on the
 *   code refuses a second row, and a trigger refuses handing a live (unreturned) row to another
 *   sale, so the database itself refuses the second sale of a pack whatever the path; a return
 *   (returned_at) makes it sellable again, as before. Existing self-pay codes are copied in; a
 *   code already live from a dispensing keeps that sale (it is the earlier one).
 * - center_refused_codes: codes the center refused as sold elsewhere (7207/3505 refusal), with
 *   the center's words and when, so the counter refuses them at the next scan.
 *
 * Nothing references sold_codes by foreign key, so the rebuild needs no foreign-key pass.
 */
export const SOLD_CODE_REGISTRY_MIGRATION = `
  CREATE TABLE sold_codes_new (
    code TEXT PRIMARY KEY,
    med_list_codg TEXT NOT NULL,
    dispensing_id INTEGER REFERENCES dispensings (id),
    self_pay_sale_id INTEGER REFERENCES self_pay_sales (id),
    sold_at INTEGER NOT NULL,
    returned_at INTEGER,
    units_per_pack INTEGER CHECK (units_per_pack IS NULL OR units_per_pack > 0),
    units_left INTEGER CHECK (units_left IS NULL OR (units_left >= 0 AND units_left <= units_per_pack)),
    last_dispensing_id INTEGER REFERENCES dispensings (id),
    last_used_at INTEGER NOT NULL,
    CHECK ((dispensing_id IS NULL) <> (self_pay_sale_id IS NULL)),
    CHECK (dispensing_id IS NULL OR last_dispensing_id IS NOT NULL),
    -- a cash sale sells whole packs only (拆零 needs a prescription line)
    CHECK (self_pay_sale_id IS NULL OR (last_dispensing_id IS NULL AND units_per_pack IS NULL))
  ) STRICT, WITHOUT ROWID;
  INSERT INTO sold_codes_new (code, med_list_codg, dispensing_id, sold_at, returned_at,
      units_per_pack, units_left, last_dispensing_id, last_used_at)
    SELECT code, med_list_codg, dispensing_id, sold_at, returned_at, units_per_pack, units_left,
      last_dispensing_id, last_used_at
    FROM sold_codes;
  INSERT INTO sold_codes_new (code, med_list_codg, self_pay_sale_id, sold_at, last_used_at)
    SELECT c.code, l.med_list_codg, c.sale_id, s.sold_at, s.sold_at
    FROM self_pay_codes c
    JOIN self_pay_lines l ON l.sale_id = c.sale_id AND l.line_no = c.line_no
    JOIN self_pay_sales s ON s.id = c.sale_id
    WHERE true
    ON CONFLICT (code) DO UPDATE SET
      med_list_codg = excluded.med_list_codg, dispensing_id = NULL,
      self_pay_sale_id = excluded.self_pay_sale_id, sold_at = excluded.sold_at, returned_at = NULL,
      units_per_pack = NULL, units_left = NULL, last_dispensing_id = NULL,
      last_used_at = excluded.last_used_at
    WHERE sold_codes_new.returned_at IS NOT NULL AND sold_codes_new.returned_at <= excluded.sold_at;
  DROP TABLE sold_codes;
  ALTER TABLE sold_codes_new RENAME TO sold_codes;

  -- A live pack is never handed to another sale: only a returned one may be sold again.
  CREATE TRIGGER sold_codes_sold_once
  BEFORE UPDATE OF dispensing_id, self_pay_sale_id, sold_at ON sold_codes
  WHEN OLD.returned_at IS NULL
  BEGIN
    SELECT RAISE(ABORT, 'R-TRACE-ONCE: 该追溯码已售出且未退回，不能再次销售');
  END;

  CREATE TABLE center_refused_codes (
    code TEXT PRIMARY KEY,
    -- the center's refusal text, shown as is at the next scan
    center_message TEXT NOT NULL CHECK (length(center_message) > 0),
    infno TEXT NOT NULL CHECK (infno IN ('7207', '3505')),
    msgid TEXT NOT NULL,
    refused_at INTEGER NOT NULL
  ) STRICT, WITHOUT ROWID;
`;
