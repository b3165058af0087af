/**
 * Migration 23: electronic receipts (R-EINVOICE) and delivery orders (R-DELIVERY,
 * R-DELIVERY-REC), both records the pharmacy keeps (R-KEEP).
 *
 * - electronic_receipts: one per settlement, issued in the transaction that records it as
 *   settled; the PDF with its SM3, and what the patient chose to be given (paper, electronic or
 *   both). Never updated or deleted.
 * - delivery_orders: only for a settled settlement; address, recipient, courier, fee (never
 *   paid by the fund, so it is recorded here and not in the settlement), cold-chain flag with
 *   its storage and transport record, then hand-over and receipt (签收) times in that order.
 *   A row moves only forward (ordered → handed_over → received); its order data never changes
 *   and it is never deleted.
 */
export const RECEIPTS_DELIVERIES_MIGRATION = `
  CREATE TABLE electronic_receipts (
    settlement_id INTEGER PRIMARY KEY REFERENCES settlements (id),
    receipt_no TEXT NOT NULL UNIQUE,
    patient_choice TEXT NOT NULL CHECK (patient_choice IN ('paper', 'electronic', 'both')),
    pdf BLOB NOT NULL CHECK (length(pdf) > 0),
    sm3 TEXT NOT NULL CHECK (length(sm3) = 64),
    issued_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX electronic_receipts_issued ON electronic_receipts (issued_at);

  CREATE TRIGGER electronic_receipts_settled
  BEFORE INSERT ON electronic_receipts
  WHEN (SELECT state FROM settlements WHERE id = NEW.settlement_id) IS NOT 'settled'
  BEGIN
    SELECT RAISE(ABORT, '只有结算成功的结算才开具电子票据');
  END;
  CREATE TRIGGER electronic_receipts_no_update BEFORE UPDATE ON electronic_receipts
  BEGIN
    SELECT RAISE(ABORT, '电子票据已开具，不可修改');
  END;
  CREATE TRIGGER electronic_receipts_no_delete BEFORE DELETE ON electronic_receipts
  BEGIN
    SELECT RAISE(ABORT, '电子票据须保存，不可删除');
  END;

  CREATE TABLE delivery_orders (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    settlement_id INTEGER NOT NULL UNIQUE REFERENCES settlements (id),
    recipient_name TEXT NOT NULL CHECK (length(trim(recipient_name)) > 0),
    recipient_phone TEXT NOT NULL CHECK (length(recipient_phone) >= 7),
    address TEXT NOT NULL CHECK (length(trim(address)) >= 6),
    courier TEXT NOT NULL CHECK (length(trim(courier)) > 0),
    fee_fen INTEGER NOT NULL CHECK (fee_fen >= 0),
    cold_chain INTEGER NOT NULL CHECK (cold_chain IN (0, 1)),
    cold_chain_record TEXT,
    state TEXT NOT NULL CHECK (state IN ('ordered', 'handed_over', 'received')),
    created_by INTEGER NOT NULL REFERENCES staff (id),
    created_at INTEGER NOT NULL,
    handed_over_by INTEGER REFERENCES staff (id),
    handed_over_at INTEGER,
    received_at INTEGER,
    receiver_name TEXT,
    receiver_identity_checked INTEGER CHECK (receiver_identity_checked IN (0, 1)),
    receipt_recorded_by INTEGER REFERENCES staff (id),
    CHECK (cold_chain = 0 OR length(trim(coalesce(cold_chain_record, ''))) >= 4),
    CHECK ((state = 'ordered') = (handed_over_at IS NULL)),
    CHECK (handed_over_at IS NULL OR handed_over_by IS NOT NULL),
    CHECK ((state = 'received') = (received_at IS NOT NULL)),
    CHECK (received_at IS NULL OR received_at >= handed_over_at),
    CHECK (received_at IS NULL OR (length(trim(coalesce(receiver_name, ''))) > 0
      AND receiver_identity_checked = 1 AND receipt_recorded_by IS NOT NULL))
  ) STRICT;
  CREATE INDEX delivery_orders_created ON delivery_orders (created_at);

  CREATE TRIGGER delivery_orders_settled
  BEFORE INSERT ON delivery_orders
  WHEN (SELECT state FROM settlements WHERE id = NEW.settlement_id) IS NOT 'settled'
  BEGIN
    SELECT RAISE(ABORT, '只有结算成功的处方才能登记配送');
  END;
  CREATE TRIGGER delivery_orders_forward_only
  BEFORE UPDATE ON delivery_orders
  BEGIN
    SELECT RAISE(ABORT, '配送记录的订单内容不可修改')
     WHERE NEW.settlement_id IS NOT OLD.settlement_id OR NEW.recipient_name IS NOT OLD.recipient_name
        OR NEW.recipient_phone IS NOT OLD.recipient_phone OR NEW.address IS NOT OLD.address
        OR NEW.courier IS NOT OLD.courier OR NEW.fee_fen IS NOT OLD.fee_fen
        OR NEW.cold_chain IS NOT OLD.cold_chain OR NEW.cold_chain_record IS NOT OLD.cold_chain_record
        OR NEW.created_by IS NOT OLD.created_by OR NEW.created_at IS NOT OLD.created_at;
    SELECT RAISE(ABORT, '配送状态只能按 已下单→已交接→已签收 前进')
     WHERE NOT ((OLD.state = 'ordered' AND NEW.state = 'handed_over')
             OR (OLD.state = 'handed_over' AND NEW.state = 'received'));
  END;
  CREATE TRIGGER delivery_orders_no_delete BEFORE DELETE ON delivery_orders
  BEGIN
    SELECT RAISE(ABORT, '配送记录须保存，不可删除');
  END;
`;
