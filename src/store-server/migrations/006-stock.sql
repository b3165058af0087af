-- Stock of one pharmacy across its counters (issue 17, R-STOCK, R-SUPPLY; D49): batches received
-- at any counter and their movements. The database holds the invariants: a batch's quantity is
-- never negative (CHECK), it is written only by the movements' trigger (so the sum of a batch's
-- movements is its quantity), and movements are append-only.

CREATE TABLE store_batches (
  id bigserial PRIMARY KEY,
  med_list_codg text NOT NULL CHECK (length(med_list_codg) BETWEEN 1 AND 50),
  batch_no text NOT NULL CHECK (length(batch_no) BETWEEN 1 AND 64),
  expiry date NOT NULL,
  on_hand integer NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
  UNIQUE (med_list_codg, batch_no)
);
CREATE INDEX store_batches_fefo ON store_batches (med_list_codg, expiry, id) WHERE on_hand > 0;

CREATE TABLE store_stock_movements (
  id bigserial PRIMARY KEY,
  batch_id bigint NOT NULL REFERENCES store_batches (id),
  kind text NOT NULL CHECK (kind IN ('receive', 'sale', 'return')),
  delta integer NOT NULL,
  counter_id text NOT NULL REFERENCES counters (counter_id),
  -- the pack a sale took and a return gave back (one movement of each per pack)
  code_sale_id bigint REFERENCES code_sales (id),
  -- a receipt: the supplier and its licence as checked at the store (R-SUPPLY), who received it
  supplier_name text,
  supplier_licence_no text,
  received_by text,
  at timestamptz NOT NULL DEFAULT now(),
  CHECK (
    (kind = 'receive' AND delta > 0 AND code_sale_id IS NULL
      AND supplier_name IS NOT NULL AND supplier_licence_no IS NOT NULL AND received_by IS NOT NULL)
    OR (kind = 'sale' AND delta = -1 AND code_sale_id IS NOT NULL)
    OR (kind = 'return' AND delta = 1 AND code_sale_id IS NOT NULL)
  )
);
CREATE INDEX store_stock_movements_batch ON store_stock_movements (batch_id, id);
-- A pack leaves stock once per sale and comes back at most once.
CREATE UNIQUE INDEX store_stock_movements_pack ON store_stock_movements (code_sale_id, kind)
  WHERE code_sale_id IS NOT NULL;

CREATE TRIGGER store_stock_movements_append_only BEFORE UPDATE OR DELETE ON store_stock_movements
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE FUNCTION apply_stock_movement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE store_batches SET on_hand = on_hand + NEW.delta WHERE id = NEW.batch_id;
  RETURN NEW;
END $$;
CREATE TRIGGER store_stock_movements_apply AFTER INSERT ON store_stock_movements
  FOR EACH ROW EXECUTE FUNCTION apply_stock_movement();

-- on_hand changes only through a movement (the trigger above runs at depth 2); a new batch starts
-- at zero and its receipt is its first movement.
CREATE FUNCTION guard_store_batch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.on_hand <> 0 THEN
      RAISE EXCEPTION 'a batch starts at zero; its packs arrive as a receive movement';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.on_hand IS DISTINCT FROM OLD.on_hand AND pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'store_batches.on_hand changes only through store_stock_movements';
  END IF;
  IF NEW.med_list_codg <> OLD.med_list_codg OR NEW.batch_no <> OLD.batch_no
     OR NEW.expiry <> OLD.expiry THEN
    RAISE EXCEPTION 'a batch''s drug, number and expiry do not change';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER store_batches_guard BEFORE INSERT OR UPDATE ON store_batches
  FOR EACH ROW EXECUTE FUNCTION guard_store_batch();
CREATE TRIGGER store_batches_keep BEFORE DELETE ON store_batches
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- A cash sale made offline and reconciled later whose packs the batches could not cover: the
-- goods have left the shop, so the sale stands and the gap is kept for the pharmacist (like a
-- code clash), never dropped.
CREATE TABLE store_stock_shortfalls (
  id bigserial PRIMARY KEY,
  counter_id text NOT NULL REFERENCES counters (counter_id),
  sale_ref text NOT NULL,
  med_list_codg text NOT NULL,
  packs_short integer NOT NULL CHECK (packs_short > 0),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER store_stock_shortfalls_append_only BEFORE UPDATE OR DELETE ON store_stock_shortfalls
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
