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

-- Staff accounts of the pharmacy (issue 17, R-PHARMACIST, D30): registered once, signed in at
-- any counter. The password is never here, only its hash (services/password.ts). Each change
-- takes the next roster version; a counter pulls the versions it lacks (`staff.roster`) and
-- signs in offline with the last copy it pulled. A change based on an older version than the
-- store's is refused (the first writer wins; the counter then takes the store's copy).
CREATE SEQUENCE store_staff_version;
CREATE TABLE store_staff (
  username_key text PRIMARY KEY CHECK (username_key = lower(username)),
  username text NOT NULL CHECK (length(trim(username)) > 0),
  display_name text NOT NULL CHECK (length(trim(display_name)) > 0),
  role text NOT NULL CHECK (role IN ('pharmacist', 'cashier', 'admin')),
  pharmacist_code text
    CHECK (role <> 'pharmacist' OR (pharmacist_code IS NOT NULL AND length(trim(pharmacist_code)) > 0)),
  certno text CHECK (certno IS NULL OR certno ~ '^[0-9]{17}[0-9X]$'),
  password_hash text NOT NULL CHECK (length(password_hash) >= 20),
  must_change_password boolean NOT NULL,
  active boolean NOT NULL,
  version bigint NOT NULL UNIQUE DEFAULT nextval('store_staff_version'),
  changed_by text NOT NULL REFERENCES counters (counter_id),
  changed_at timestamptz NOT NULL DEFAULT now()
);
-- An account is never deleted (its reviews and sales keep their author, R-KEEP).
CREATE TRIGGER store_staff_never_deleted BEFORE DELETE ON store_staff
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Who is on duty at which counter (R-PHARMACIST, ST-EPC-02-006): each counter's shifts, once
-- per (counter, local shift id); a shift is only ever closed, never changed otherwise or deleted.
CREATE TABLE store_shifts (
  id bigserial PRIMARY KEY,
  counter_id text NOT NULL REFERENCES counters (counter_id),
  local_id bigint NOT NULL CHECK (local_id > 0),
  username text NOT NULL,
  display_name text NOT NULL,
  pharmacist_code text NOT NULL CHECK (length(trim(pharmacist_code)) > 0),
  opened_at timestamptz NOT NULL,
  closed_at timestamptz CHECK (closed_at IS NULL OR closed_at >= opened_at),
  UNIQUE (counter_id, local_id)
);
CREATE INDEX store_shifts_open ON store_shifts (opened_at) WHERE closed_at IS NULL;

CREATE FUNCTION store_shift_only_closes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.closed_at IS NOT NULL OR NEW.closed_at IS NULL
     OR (NEW.id, NEW.counter_id, NEW.local_id, NEW.username, NEW.display_name, NEW.pharmacist_code,
         NEW.opened_at)
        IS DISTINCT FROM (OLD.id, OLD.counter_id, OLD.local_id, OLD.username, OLD.display_name,
         OLD.pharmacist_code, OLD.opened_at) THEN
    RAISE EXCEPTION 'store_shifts: a shift is only ever closed';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER store_shifts_only_close BEFORE UPDATE ON store_shifts
  FOR EACH ROW EXECUTE FUNCTION store_shift_only_closes();
CREATE TRIGGER store_shifts_never_deleted BEFORE DELETE ON store_shifts
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Self-pay (cash) sales of every counter (issue 17, R-SETTLE, R-KEEP): the store day report's
-- cash takings. The counter's self_pay_sales is the queue and `cashSales.last` (its highest
-- stored sale id) the cursor; append-only, once per (counter, the counter's sale id).
CREATE TABLE store_cash_sales (
  id bigserial PRIMARY KEY,
  counter_id text NOT NULL REFERENCES counters (counter_id),
  local_id bigint NOT NULL CHECK (local_id > 0),
  total_fen bigint NOT NULL CHECK (total_fen >= 0),
  -- when it was sold at the counter; recorded_at: when the store stored it
  sold_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (counter_id, local_id)
);
CREATE INDEX store_cash_sales_at ON store_cash_sales (sold_at);

CREATE TRIGGER store_cash_sales_append_only BEFORE UPDATE OR DELETE ON store_cash_sales
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
