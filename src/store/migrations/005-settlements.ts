/** Migration 5: settlements, refunds, self-pay sales and their uploads (R-SETTLE, R-REVERSE). */
export const SETTLEMENT_MIGRATION = `
  -- One row per 2102 sent (a settlement attempt). Amounts in fen. The request is frozen: the
  -- msgid is the idempotency key and what a 2601 reverses.
  CREATE TABLE settlements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    dispensing_id INTEGER NOT NULL REFERENCES dispensings (id),
    hi_rxno TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('settling', 'settled', 'refused', 'outcome_unknown',
      'voided', 'refunding', 'refund_unknown', 'refunded')),
    msgid TEXT NOT NULL UNIQUE,
    request TEXT NOT NULL CHECK (json_valid(request)),
    psn_no TEXT NOT NULL,
    insutype TEXT NOT NULL,
    insuplc_admdvs TEXT NOT NULL,
    patient_name TEXT NOT NULL,
    certno TEXT NOT NULL,
    staff_id INTEGER NOT NULL REFERENCES staff (id),
    medfee_fen INTEGER NOT NULL CHECK (medfee_fen >= 0),
    setl_id TEXT,
    mdtrt_id TEXT,
    fund_fen INTEGER,
    acct_fen INTEGER,
    cash_fen INTEGER,
    reply TEXT CHECK (reply IS NULL OR json_valid(reply)),
    warn_msg TEXT,
    refusal TEXT,
    refund_reason TEXT,
    refund_reply TEXT CHECK (refund_reply IS NULL OR json_valid(refund_reply)),
    refunded_at INTEGER,
    created_at INTEGER NOT NULL,
    settled_at INTEGER,
    updated_at INTEGER NOT NULL,
    CHECK (state NOT IN ('settled', 'refunding', 'refund_unknown', 'refunded')
      OR (setl_id IS NOT NULL AND mdtrt_id IS NOT NULL))
  ) STRICT;
  -- Never two: at most one settlement per dispensing that is, or may be, live at the center.
  CREATE UNIQUE INDEX settlements_one_live ON settlements (dispensing_id)
    WHERE state NOT IN ('refused', 'voided', 'refunded');
  CREATE INDEX settlements_by_rx ON settlements (hi_rxno, id);

  -- Every 2102/2103 sent for a settlement, its outcome, and the 2601 that settles an unknown one.
  CREATE TABLE settlement_calls (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    settlement_id INTEGER NOT NULL REFERENCES settlements (id),
    infno TEXT NOT NULL CHECK (infno IN ('2102', '2103')),
    msgid TEXT NOT NULL UNIQUE,
    outcome TEXT NOT NULL CHECK (outcome IN ('sent', 'ok', 'refused', 'unknown')),
    detail TEXT,
    reversal_msgid TEXT UNIQUE,
    reversal_result TEXT,
    created_at INTEGER NOT NULL,
    resolved_at INTEGER
  ) STRICT;
  CREATE INDEX settlement_calls_by_settlement ON settlement_calls (settlement_id, id);

  -- Self-pay sales of non-prescription goods (no center call at the counter).
  CREATE TABLE self_pay_sales (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    staff_id INTEGER NOT NULL REFERENCES staff (id),
    total_fen INTEGER NOT NULL CHECK (total_fen >= 0),
    sold_at INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE self_pay_lines (
    sale_id INTEGER NOT NULL REFERENCES self_pay_sales (id),
    line_no INTEGER NOT NULL CHECK (line_no > 0),
    med_list_codg TEXT NOT NULL,
    name TEXT NOT NULL,
    packs INTEGER NOT NULL CHECK (packs > 0),
    price_fen INTEGER NOT NULL CHECK (price_fen >= 0),
    PRIMARY KEY (sale_id, line_no)
  ) STRICT;
  CREATE TABLE self_pay_codes (
    sale_id INTEGER NOT NULL,
    line_no INTEGER NOT NULL,
    code TEXT NOT NULL,
    PRIMARY KEY (sale_id, code),
    FOREIGN KEY (sale_id, line_no) REFERENCES self_pay_lines (sale_id, line_no)
  ) STRICT;
  -- R-TRACE-ONCE for packs sold without a dispensing (sold_codes needs one).
  CREATE UNIQUE INDEX self_pay_codes_once ON self_pay_codes (code);
  CREATE TABLE self_pay_allocations (
    sale_id INTEGER NOT NULL,
    line_no INTEGER NOT NULL,
    batch_id INTEGER NOT NULL REFERENCES stock_batches (id),
    packs INTEGER NOT NULL CHECK (packs > 0),
    PRIMARY KEY (sale_id, line_no, batch_id),
    FOREIGN KEY (sale_id, line_no) REFERENCES self_pay_lines (sale_id, line_no)
  ) STRICT;

  -- Outbox items of a sale (7207, 3505, 7208, 3506, 2601) or of stock (3501, 3503): their
  -- state is the outbox item's state, found by msgid.
  CREATE TABLE sale_uploads (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    settlement_id INTEGER REFERENCES settlements (id),
    sale_id INTEGER REFERENCES self_pay_sales (id),
    batch_id INTEGER REFERENCES stock_batches (id),
    infno TEXT NOT NULL,
    msgid TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX sale_uploads_by_settlement ON sale_uploads (settlement_id) WHERE settlement_id IS NOT NULL;
  CREATE INDEX sale_uploads_by_sale ON sale_uploads (sale_id) WHERE sale_id IS NOT NULL;

  CREATE TRIGGER settlements_kept BEFORE DELETE ON settlements
  BEGIN
    SELECT RAISE(ABORT, '结算记录须保存，不可删除');
  END;
  CREATE TRIGGER self_pay_sales_kept BEFORE DELETE ON self_pay_sales
  BEGIN
    SELECT RAISE(ABORT, '销售记录须保存，不可删除');
  END;
`;
