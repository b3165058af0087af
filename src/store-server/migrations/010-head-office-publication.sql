-- A chain's head office reads this store's records by PostgreSQL logical replication (D58,
-- docs/store-server.md "Beyond one store"). Several stores land in one head-office table, so each
-- replicated row names its institution: the database's institution is fixed once (the store
-- server's STORE_INSTITUTION, written at migration or at its first start) and every replicated
-- table takes it as a column default; at head office the key becomes (institution, id).

CREATE TABLE store_identity (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  institution text NOT NULL CHECK (institution ~ '^[A-Za-z0-9]{12}$')
);
CREATE TRIGGER store_identity_fixed BEFORE UPDATE OR DELETE ON store_identity
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- migrate() passes the server's institution as store.institution, so an existing store's rows
-- are named by it below; a fresh database learns it at the server's first start.
INSERT INTO store_identity (institution)
  SELECT current_setting('store.institution', true)
  WHERE coalesce(current_setting('store.institution', true), '') <> '';

CREATE FUNCTION store_institution() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT institution FROM store_identity
$$;

ALTER TABLE store_settlements ADD COLUMN institution text NOT NULL DEFAULT store_institution();
ALTER TABLE store_cash_sales ADD COLUMN institution text NOT NULL DEFAULT store_institution();
ALTER TABLE store_batches ADD COLUMN institution text NOT NULL DEFAULT store_institution();
ALTER TABLE store_stock_movements ADD COLUMN institution text NOT NULL DEFAULT store_institution();

-- Only what a chain's reports need, inserts only (these tables are append-only; a batch's
-- on_hand is the sum of its movements, so its updates need not travel). Never staff accounts
-- (password hashes), shifts, claims, the audit trail or the outbox; no supplier or staff names.
CREATE PUBLICATION head_office FOR TABLE
  store_settlements (institution, id, counter_id, kind, local_id, setl_id, hi_rxno, medfee_fen,
    fund_fen, acct_fen, cash_fen, at, recorded_at),
  store_cash_sales (institution, id, counter_id, local_id, total_fen, sold_at, recorded_at),
  store_batches (institution, id, med_list_codg, batch_no, expiry),
  store_stock_movements (institution, id, batch_id, kind, delta, counter_id, at)
  WITH (publish = 'insert');
