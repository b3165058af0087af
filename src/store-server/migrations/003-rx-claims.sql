-- Which counter holds each downloaded prescription (issue 17, R-STATUS): a prescription is
-- dispensed at one counter only. The primary key is the rule: two counters racing to claim one
-- prescription cannot both insert its row. A claim is released when its counter cancels or undoes
-- the dispensing (row deleted, the event kept below); once settled it stays, and release is refused.

CREATE TABLE rx_claims (
  hi_rxno text PRIMARY KEY CHECK (length(hi_rxno) BETWEEN 1 AND 64),
  counter_id text NOT NULL REFERENCES counters (counter_id),
  claimed_at timestamptz NOT NULL DEFAULT now(),
  settled_at timestamptz,
  settlement_id text,
  CHECK ((settled_at IS NULL) = (settlement_id IS NULL))
);

-- Every claim, release and settlement of a prescription, append-only (who held it when).
CREATE TABLE rx_claim_events (
  id bigserial PRIMARY KEY,
  hi_rxno text NOT NULL,
  counter_id text NOT NULL REFERENCES counters (counter_id),
  event text NOT NULL CHECK (event IN ('claimed', 'released', 'settled')),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rx_claim_events_rx ON rx_claim_events (hi_rxno, id);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER rx_claim_events_append_only BEFORE UPDATE OR DELETE ON rx_claim_events
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
