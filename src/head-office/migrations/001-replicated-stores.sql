-- The chain's head office (D58, docs/store-server.md "Beyond one store"): every store's records,
-- replicated by PostgreSQL logical replication (each store's publication head_office, one
-- subscription per store). The tables carry the publishers' names (replication matches tables
-- by schema and name) and each store's institution, so rows of several stores share a table and
-- the key is (institution, id). Replicated rows are only ever inserted; local sessions may
-- neither change nor delete them (the replication apply worker does not fire these triggers).

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%: replicated store records are read-only at head office', TG_TABLE_NAME;
END $$;

-- The stores subscribed: one row per institution, named by the subscription that feeds it.
CREATE TABLE stores (
  institution text PRIMARY KEY CHECK (institution ~ '^[A-Za-z0-9]{12}$'),
  subscription text NOT NULL UNIQUE,
  added_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE store_settlements (
  institution text NOT NULL,
  id bigint NOT NULL,
  counter_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('settle', 'refund')),
  local_id bigint NOT NULL,
  setl_id text NOT NULL,
  hi_rxno text NOT NULL,
  medfee_fen bigint NOT NULL,
  fund_fen bigint NOT NULL,
  acct_fen bigint NOT NULL,
  cash_fen bigint NOT NULL,
  at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (institution, id),
  UNIQUE (institution, counter_id, kind, local_id)
);
CREATE INDEX store_settlements_at ON store_settlements (at);

CREATE TABLE store_cash_sales (
  institution text NOT NULL,
  id bigint NOT NULL,
  counter_id text NOT NULL,
  local_id bigint NOT NULL,
  total_fen bigint NOT NULL,
  sold_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (institution, id),
  UNIQUE (institution, counter_id, local_id)
);
CREATE INDEX store_cash_sales_at ON store_cash_sales (sold_at);

-- A batch as received (its quantity is the sum of its movements: the store's invariant, D49).
CREATE TABLE store_batches (
  institution text NOT NULL,
  id bigint NOT NULL,
  med_list_codg text NOT NULL,
  batch_no text NOT NULL,
  expiry date NOT NULL,
  PRIMARY KEY (institution, id),
  UNIQUE (institution, med_list_codg, batch_no)
);

CREATE TABLE store_stock_movements (
  institution text NOT NULL,
  id bigint NOT NULL,
  batch_id bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('receive', 'sale', 'return')),
  delta integer NOT NULL,
  counter_id text NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (institution, id)
);
CREATE INDEX store_stock_movements_batch ON store_stock_movements (institution, batch_id);

CREATE TRIGGER store_settlements_read_only BEFORE UPDATE OR DELETE ON store_settlements
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER store_cash_sales_read_only BEFORE UPDATE OR DELETE ON store_cash_sales
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER store_batches_read_only BEFORE UPDATE OR DELETE ON store_batches
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER store_stock_movements_read_only BEFORE UPDATE OR DELETE ON store_stock_movements
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
