/** Migration 4: stock batches, dispensing records and traceability codes (R-NOSWAP, R-TRACE-ONCE). */
export const DISPENSE_MIGRATION = `
  -- One received batch of a drug (进货). Stock leaves FEFO: earliest expiry first, expired never.
  CREATE TABLE stock_batches (
    id INTEGER PRIMARY KEY,
    med_list_codg TEXT NOT NULL CHECK (length(med_list_codg) > 0),
    batch_no TEXT NOT NULL CHECK (length(batch_no) > 0),
    expiry TEXT NOT NULL CHECK (expiry GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    packs_received INTEGER NOT NULL CHECK (packs_received > 0),
    packs_on_hand INTEGER NOT NULL CHECK (packs_on_hand >= 0 AND packs_on_hand <= packs_received),
    received_by INTEGER NOT NULL REFERENCES staff (id),
    received_at INTEGER NOT NULL,
    UNIQUE (med_list_codg, batch_no)
  ) STRICT;
  CREATE INDEX stock_batches_fefo ON stock_batches (med_list_codg, expiry, id)
    WHERE packs_on_hand > 0;

  -- The dispensing of one prescription (R-NOSWAP: its lines are copied from the prescription).
  -- 'returned' is reserved for the settlement issue's reversal (R-REVERSE).
  CREATE TABLE dispensings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    hi_rxno TEXT NOT NULL REFERENCES prescriptions (hi_rxno),
    certno TEXT NOT NULL,
    patient_name TEXT NOT NULL,
    staff_id INTEGER NOT NULL REFERENCES staff (id),
    state TEXT NOT NULL CHECK (state IN ('open', 'completed', 'cancelled', 'returned')),
    started_at INTEGER NOT NULL,
    completed_at INTEGER,
    ended_at INTEGER,
    CHECK ((state = 'open') = (ended_at IS NULL)),
    CHECK (state <> 'completed' OR completed_at IS NOT NULL)
  ) STRICT;
  -- R-STATUS: at most one open or completed dispensing per prescription.
  CREATE UNIQUE INDEX dispensings_live_per_rx ON dispensings (hi_rxno)
    WHERE state IN ('open', 'completed');
  CREATE INDEX dispensings_by_patient ON dispensings (certno, completed_at);

  CREATE TABLE dispensing_lines (
    dispensing_id INTEGER NOT NULL REFERENCES dispensings (id),
    line_no INTEGER NOT NULL CHECK (line_no > 0),
    med_list_codg TEXT NOT NULL,
    genname TEXT NOT NULL,
    -- 拆零 (trdn_flag = 1): quantities are units, not packs.
    split_pack INTEGER NOT NULL CHECK (split_pack IN (0, 1)),
    units_per_pack INTEGER CHECK (units_per_pack IS NULL OR units_per_pack > 0),
    qty_prescribed INTEGER NOT NULL CHECK (qty_prescribed > 0),
    qty_unit TEXT NOT NULL,
    packs_prescribed INTEGER NOT NULL CHECK (packs_prescribed > 0),
    -- R-NOSWAP: never more than prescribed, enforced by the schema as well.
    qty_dispensed INTEGER NOT NULL DEFAULT 0 CHECK (qty_dispensed BETWEEN 0 AND qty_prescribed),
    days INTEGER,
    CHECK (split_pack = 0 OR units_per_pack IS NOT NULL),
    PRIMARY KEY (dispensing_id, line_no)
  ) STRICT;

  -- Codes scanned onto a dispensing (pending while open; the record of what was handed out after).
  CREATE TABLE dispensing_codes (
    dispensing_id INTEGER NOT NULL,
    line_no INTEGER NOT NULL,
    code TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('trace20', 'gs1', 'ma')),
    raw TEXT NOT NULL,
    pack_no INTEGER NOT NULL CHECK (pack_no > 0),
    units INTEGER CHECK (units IS NULL OR units > 0),
    reused_pack INTEGER NOT NULL CHECK (reused_pack IN (0, 1)),
    scanned_at INTEGER NOT NULL,
    PRIMARY KEY (dispensing_id, code),
    FOREIGN KEY (dispensing_id, line_no) REFERENCES dispensing_lines (dispensing_id, line_no)
  ) STRICT;

  -- Stock taken FEFO when the dispensing completed.
  CREATE TABLE dispensing_allocations (
    dispensing_id INTEGER NOT NULL,
    line_no INTEGER NOT NULL,
    batch_id INTEGER NOT NULL REFERENCES stock_batches (id),
    packs INTEGER NOT NULL CHECK (packs > 0),
    PRIMARY KEY (dispensing_id, line_no, batch_id),
    FOREIGN KEY (dispensing_id, line_no) REFERENCES dispensing_lines (dispensing_id, line_no)
  ) STRICT;

  -- R-TRACE-ONCE: one row per pack ever sold; the duplicate check is a primary-key lookup.
  -- A returned pack (returned_at set) may be sold again. 拆零 packs keep their units left.
  CREATE TABLE sold_codes (
    code TEXT PRIMARY KEY,
    med_list_codg TEXT NOT NULL,
    dispensing_id INTEGER NOT NULL REFERENCES dispensings (id),
    sold_at INTEGER NOT NULL,
    returned_at INTEGER,
    units_per_pack INTEGER CHECK (units_per_pack IS NULL OR units_per_pack > 0),
    units_left INTEGER CHECK (units_left IS NULL OR (units_left >= 0 AND units_left <= units_per_pack)),
    last_dispensing_id INTEGER NOT NULL REFERENCES dispensings (id),
    last_used_at INTEGER NOT NULL
  ) STRICT, WITHOUT ROWID;

  -- Per-sale uploads for the settlement issue (7207 to the e-prescription center, 3505 to the
  -- FSI inventory interface). Completing a dispensing leaves one 'waiting' row of each; the
  -- settlement issue fills setl_id, queues the request in the outbox and records its msgid.
  CREATE TABLE dispensing_uploads (
    dispensing_id INTEGER NOT NULL REFERENCES dispensings (id),
    infno TEXT NOT NULL CHECK (infno IN ('7207', '3505')),
    state TEXT NOT NULL CHECK (state IN ('waiting', 'queued', 'delivered')),
    outbox_msgid TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (dispensing_id, infno)
  ) STRICT;
`;
