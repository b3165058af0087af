-- The sold-code registry of one pharmacy (issue 17, R-TRACE-ONCE): once-only pack codes across
-- every counter of the store. The rule is the database's: a code has at most one reservation
-- (primary key) and at most one live sale (partial unique index); a returned sale leaves the
-- live set and the pack may be sold again.

CREATE TABLE counters (
  counter_id text PRIMARY KEY CHECK (counter_id ~ '^[A-Za-z0-9_-]{1,32}$'),
  registered_at timestamptz NOT NULL DEFAULT now()
);

-- A scanned pack held for one open dispensing; an expired one may be taken by another counter.
CREATE TABLE code_reservations (
  code text PRIMARY KEY,
  counter_id text NOT NULL REFERENCES counters (counter_id),
  sale_ref text NOT NULL,
  med_list_codg text NOT NULL,
  reserved_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  CHECK (expires_at > reserved_at)
);
CREATE INDEX code_reservations_sale ON code_reservations (counter_id, sale_ref);

CREATE TABLE code_sales (
  id bigserial PRIMARY KEY,
  code text NOT NULL,
  med_list_codg text NOT NULL,
  counter_id text NOT NULL REFERENCES counters (counter_id),
  sale_ref text NOT NULL,
  sold_at timestamptz NOT NULL DEFAULT now(),
  -- 拆零: units the pack holds and units left; both null for a pack sold whole
  units_per_pack integer CHECK (units_per_pack IS NULL OR units_per_pack > 0),
  units_left integer,
  returned_at timestamptz,
  return_ref text,
  CHECK ((units_per_pack IS NULL) = (units_left IS NULL)),
  CHECK (units_left IS NULL OR (units_left >= 0 AND units_left <= units_per_pack)),
  CHECK ((returned_at IS NULL) = (return_ref IS NULL))
);
-- The once-only rule itself: one live (unreturned) sale per code, whatever the counter.
CREATE UNIQUE INDEX code_sales_live ON code_sales (code) WHERE returned_at IS NULL;
CREATE INDEX code_sales_sale ON code_sales (counter_id, sale_ref);

-- Codes the center refused as sold elsewhere (7207/3505): refused at every counter's next scan.
CREATE TABLE center_refused_codes (
  code text PRIMARY KEY,
  center_message text NOT NULL CHECK (length(center_message) > 0),
  infno text NOT NULL CHECK (infno IN ('7207', '3505')),
  msgid text NOT NULL,
  refused_at timestamptz NOT NULL,
  reported_by text NOT NULL REFERENCES counters (counter_id)
);

-- Every mutation's first answer, kept with the change in one transaction: a retry with the
-- same key gets this answer and applies nothing again.
CREATE TABLE idempotency_keys (
  counter_id text NOT NULL REFERENCES counters (counter_id),
  key text NOT NULL,
  method text NOT NULL,
  request_sha256 text NOT NULL,
  answer jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (counter_id, key)
);

-- Nonces seen inside the replay window: a signed request is accepted once.
CREATE TABLE request_nonces (
  counter_id text NOT NULL,
  nonce text NOT NULL,
  seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (counter_id, nonce)
);
CREATE INDEX request_nonces_seen ON request_nonces (seen_at);
