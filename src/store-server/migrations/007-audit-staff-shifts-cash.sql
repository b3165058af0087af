-- The audit trail of every counter of the pharmacy at the store (issue 17, R-KEEP): an
-- inspector reads one store-wide trail. Each counter's hash-chained audit_log (SQLite) is copied
-- here as written (details already masked at the counter); the counter's audit_log is the queue
-- and `audit.last` (this counter's highest stored seq) the cursor. Append-only by trigger; the
-- unique key (counter, local seq) keeps each entry once whatever the retries and crashes.

CREATE TABLE store_audit (
  id bigserial PRIMARY KEY,
  counter_id text NOT NULL REFERENCES counters (counter_id),
  -- the counter's audit_log.seq and its chain hash (the inspector can match it with the counter)
  local_seq bigint NOT NULL CHECK (local_seq > 0),
  at timestamptz NOT NULL,
  staff_id bigint,
  username text,
  action text NOT NULL CHECK (length(action) > 0),
  outcome text NOT NULL CHECK (outcome IN ('ok', 'refused', 'failed', 'interrupted')),
  subject text,
  detail jsonb NOT NULL CHECK (jsonb_typeof(detail) = 'object'),
  hash text NOT NULL CHECK (length(hash) = 64),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (counter_id, local_seq)
);
CREATE INDEX store_audit_at ON store_audit (at, counter_id, local_seq);
CREATE INDEX store_audit_action ON store_audit (action, at);

CREATE TRIGGER store_audit_append_only BEFORE UPDATE OR DELETE ON store_audit
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
