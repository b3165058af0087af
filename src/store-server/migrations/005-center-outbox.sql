-- The center outbox of the whole pharmacy (issue 17, D43, docs/store-server.md "The center outbox
-- across counters"): every counter hands its queued center requests over here, and one elected
-- counter delivers them, so an ordering key that spans counters keeps its order (R-OUTBOX). The
-- store's arrival order (id) is the causal order: a counter hands over its pending items before
-- any store call that lets another counter act on the same subject.

CREATE TABLE center_outbox (
  id bigserial PRIMARY KEY,
  -- the center's idempotency key: every resend by any deliverer carries it
  msgid text NOT NULL UNIQUE CHECK (length(msgid) BETWEEN 1 AND 64),
  infno text NOT NULL CHECK (length(infno) BETWEEN 1 AND 8),
  -- the complete request as the origin counter froze it; changes once, after delivery
  -- (one-time credentials redacted), never before
  body text NOT NULL,
  ordering_key text,
  origin_counter text NOT NULL REFERENCES counters (counter_id),
  -- the origin counter's own outbox id
  local_id bigint NOT NULL CHECK (local_id > 0),
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'in_flight', 'delivered', 'parked')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  -- the center's own words of a refusal, for the origin counter's refusal hooks
  center_message text,
  -- the deliverer that claimed it and the fencing token of its lease
  claimed_by text REFERENCES counters (counter_id),
  fencing bigint,
  response text,
  delivered_at timestamptz,
  credentials_redacted_at timestamptz,
  -- order of outcomes (delivered or parked) as the origin counter pulls them
  outcome_seq bigint UNIQUE,
  handed_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (origin_counter, local_id),
  CHECK ((status = 'delivered') = (delivered_at IS NOT NULL)),
  CHECK ((status IN ('delivered', 'parked')) = (outcome_seq IS NOT NULL)),
  CHECK (credentials_redacted_at IS NULL OR status = 'delivered')
);
CREATE SEQUENCE center_outbox_outcome_seq;
-- the deliverer walks due items in id order
CREATE INDEX center_outbox_due ON center_outbox (id) WHERE status IN ('pending', 'in_flight');
-- "is an older item of this key still undelivered?"
CREATE INDEX center_outbox_undelivered_by_key ON center_outbox (ordering_key, id)
  WHERE status <> 'delivered' AND ordering_key IS NOT NULL;
-- an origin counter pulls the outcomes of its items
CREATE INDEX center_outbox_outcomes ON center_outbox (origin_counter, outcome_seq)
  WHERE outcome_seq IS NOT NULL;

-- A handed-over request is frozen (the msgid is the center's idempotency key, a resend must carry
-- the first bytes); its body may change once, after delivery, to drop one-time credentials.
-- Nothing the center has not confirmed may disappear.
CREATE FUNCTION center_outbox_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'delivered' THEN
      RAISE EXCEPTION '门店外发队列中尚未送达的请求不可删除（%）', OLD.msgid;
    END IF;
    RETURN OLD;
  END IF;
  IF NEW.msgid IS DISTINCT FROM OLD.msgid OR NEW.infno IS DISTINCT FROM OLD.infno
     OR NEW.ordering_key IS DISTINCT FROM OLD.ordering_key
     OR NEW.origin_counter IS DISTINCT FROM OLD.origin_counter
     OR NEW.local_id IS DISTINCT FROM OLD.local_id OR NEW.handed_at IS DISTINCT FROM OLD.handed_at
     OR (NEW.body IS DISTINCT FROM OLD.body
         AND NOT (NEW.status = 'delivered' AND OLD.credentials_redacted_at IS NULL
                  AND NEW.credentials_redacted_at IS NOT NULL)) THEN
    RAISE EXCEPTION '门店外发队列中的请求已冻结，不可修改（%）', OLD.msgid;
  END IF;
  IF OLD.status = 'delivered' AND NEW.status <> 'delivered' THEN
    RAISE EXCEPTION '已送达的请求不可改回（%）', OLD.msgid;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER center_outbox_frozen BEFORE UPDATE OR DELETE ON center_outbox
  FOR EACH ROW EXECUTE FUNCTION center_outbox_guard();

-- The one deliverer of the pharmacy: a lease any counter may take once it has run out. Each
-- taking raises the fencing token; an outcome is written only under the current token, so a
-- deliverer that lost its lease (paused, cut off) cannot overwrite its successor's work.
CREATE TABLE outbox_deliverer (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  counter_id text NOT NULL REFERENCES counters (counter_id),
  lease_until timestamptz NOT NULL,
  fencing bigint NOT NULL CHECK (fencing > 0)
);

-- Who delivered when (append-only): every taking of the lease.
CREATE TABLE outbox_deliverer_events (
  id bigserial PRIMARY KEY,
  counter_id text NOT NULL REFERENCES counters (counter_id),
  fencing bigint NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER outbox_deliverer_events_append_only BEFORE UPDATE OR DELETE
  ON outbox_deliverer_events FOR EACH ROW EXECUTE FUNCTION refuse_change();
