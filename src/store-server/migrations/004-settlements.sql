-- Settlements and refunds of every counter of the pharmacy (issue 17, R-SETTLE, R-KEEP): one
-- append-only record per event, so the store-wide day report reads one truth. A counter sends
-- each of its events at least once; the unique key (counter, kind, the counter's settlement id)
-- keeps each stored exactly once, whatever the retries and crashes.

CREATE TABLE store_settlements (
  id bigserial PRIMARY KEY,
  counter_id text NOT NULL REFERENCES counters (counter_id),
  kind text NOT NULL CHECK (kind IN ('settle', 'refund')),
  -- the counter's own settlement id (its SQLite settlements.id)
  local_id bigint NOT NULL CHECK (local_id > 0),
  -- the center's settlement id (setl_id of 2102)
  setl_id text NOT NULL CHECK (length(setl_id) > 0),
  hi_rxno text NOT NULL CHECK (length(hi_rxno) > 0),
  medfee_fen bigint NOT NULL CHECK (medfee_fen >= 0),
  fund_fen bigint NOT NULL CHECK (fund_fen >= 0),
  acct_fen bigint NOT NULL CHECK (acct_fen >= 0),
  cash_fen bigint NOT NULL CHECK (cash_fen >= 0),
  -- when it happened at the counter; recorded_at: when the store server stored it
  at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (counter_id, kind, local_id)
);
CREATE INDEX store_settlements_at ON store_settlements (at);

CREATE TRIGGER store_settlements_append_only BEFORE UPDATE OR DELETE ON store_settlements
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
