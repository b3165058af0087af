/**
 * Migration 22: lawful supply, cold chain and pack codes of stock (issue 18; R-SUPPLY, R-STOCK).
 *
 * - suppliers: the pharmacy's managed list of suppliers with their 药品经营许可证 (number and
 *   last valid day). A licence number cannot be blank.
 * - stock_receipts: one row per receiving, append-only, with the supplier and its licence as they
 *   stood that day. The database refuses a receipt whose licence had expired, and a cold-chain
 *   receipt without its arrival temperature and storage place.
 * - stock_pack_codes: the traceability code of every pack received, so a return to the supplier
 *   and a stocktake name their packs. A code is in stock once: a second live row is refused; a
 *   pack sent back (returned_at) may be received again.
 */
export const STOCK_SUPPLY_MIGRATION = `
  CREATE TABLE suppliers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    licence_no TEXT NOT NULL CHECK (length(trim(licence_no)) > 0),
    licence_valid_until TEXT NOT NULL
      CHECK (licence_valid_until GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_by INTEGER NOT NULL REFERENCES staff (id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE stock_receipts (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES stock_batches (id),
    supplier_id INTEGER NOT NULL REFERENCES suppliers (id),
    supplier_name TEXT NOT NULL,
    licence_no TEXT NOT NULL CHECK (length(trim(licence_no)) > 0),
    licence_valid_until TEXT NOT NULL,
    received_on TEXT NOT NULL CHECK (received_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    packs INTEGER NOT NULL CHECK (packs > 0),
    cold_chain INTEGER NOT NULL CHECK (cold_chain IN (0, 1)),
    arrival_temp_c REAL,
    storage_place TEXT,
    received_by INTEGER NOT NULL REFERENCES staff (id),
    received_at INTEGER NOT NULL,
    -- R-SUPPLY: never from a supplier whose licence had expired on the day
    CHECK (licence_valid_until >= received_on),
    -- R-SUPPLY: a cold-chain drug is received with its storage record
    CHECK (cold_chain = 0 OR (arrival_temp_c IS NOT NULL
      AND storage_place IS NOT NULL AND length(trim(storage_place)) > 0))
  ) STRICT;
  CREATE INDEX stock_receipts_by_batch ON stock_receipts (batch_id);

  CREATE TRIGGER stock_receipts_no_update BEFORE UPDATE ON stock_receipts
  BEGIN SELECT RAISE(ABORT, 'R-STOCK: 入库记录不能修改'); END;
  CREATE TRIGGER stock_receipts_no_delete BEFORE DELETE ON stock_receipts
  BEGIN SELECT RAISE(ABORT, 'R-STOCK: 入库记录不能删除'); END;

  CREATE TABLE stock_pack_codes (
    id INTEGER PRIMARY KEY,
    pack_key TEXT NOT NULL CHECK (length(pack_key) > 0),
    batch_id INTEGER NOT NULL REFERENCES stock_batches (id),
    receipt_id INTEGER NOT NULL REFERENCES stock_receipts (id),
    returned_at INTEGER
  ) STRICT;
  CREATE UNIQUE INDEX stock_pack_codes_in_stock_once ON stock_pack_codes (pack_key)
    WHERE returned_at IS NULL;
  CREATE INDEX stock_pack_codes_by_batch ON stock_pack_codes (batch_id) WHERE returned_at IS NULL;

  CREATE TRIGGER stock_pack_codes_no_delete BEFORE DELETE ON stock_pack_codes
  BEGIN SELECT RAISE(ABORT, 'R-STOCK: 入库追溯码记录不能删除'); END;
  CREATE TRIGGER stock_pack_codes_returned_once BEFORE UPDATE ON stock_pack_codes
  WHEN OLD.returned_at IS NOT NULL OR NEW.pack_key <> OLD.pack_key OR NEW.batch_id <> OLD.batch_id
    OR NEW.receipt_id <> OLD.receipt_id
  BEGIN SELECT RAISE(ABORT, 'R-STOCK: 入库追溯码记录只能标记一次退货'); END;
`;
