-- Where each paper prescription of the pharmacy is archived (issue 17, R-PAPER-NO, R-PAPER-KEEP,
-- D56). The image and the record stay at the capturing counter (large files; the 2-year retention
-- is that counter's duty); the store keeps an index of every counter's archive so that a counter
-- capturing a paper learns whether another counter archived it already, and an inspector at any
-- counter learns where one is archived and can verify it there by its SM3 digests. The counter's
-- paper_prescriptions is the queue and `paper.indexLast` the cursor; once per (counter, local id).
-- No patient data here: the key, dates, digests, who captured it and its state.
CREATE TABLE paper_archive_index (
  id bigserial PRIMARY KEY,
  -- paperRxno(): <issuing institution>-<serial number>, the rxno the center and rx_claims know
  paper_key text NOT NULL CHECK (length(paper_key) BETWEEN 3 AND 80),
  counter_id text NOT NULL REFERENCES counters (counter_id),
  -- the counter's paper_prescriptions.id
  local_id bigint NOT NULL CHECK (local_id > 0),
  captured_at timestamptz NOT NULL,
  rx_date date NOT NULL,
  image_sm3 text NOT NULL CHECK (image_sm3 ~ '^[0-9a-f]{64}$'),
  record_sm3 text NOT NULL CHECK (record_sm3 ~ '^[0-9a-f]{64}$'),
  captured_by text NOT NULL CHECK (length(trim(captured_by)) > 0),
  state text NOT NULL CHECK (state IN ('captured', 'dispensed')),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (counter_id, local_id)
);
CREATE INDEX paper_archive_index_key ON paper_archive_index (paper_key, captured_at);
CREATE INDEX paper_archive_index_at ON paper_archive_index (captured_at, counter_id);

-- Append-only: an entry is never deleted, and its only change is the one its counter's record
-- makes (captured → dispensed, as the counter's own retention trigger allows).
CREATE FUNCTION paper_archive_index_only_dispenses() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.state <> 'captured' OR NEW.state <> 'dispensed'
     OR (NEW.id, NEW.paper_key, NEW.counter_id, NEW.local_id, NEW.captured_at, NEW.rx_date,
         NEW.image_sm3, NEW.record_sm3, NEW.captured_by, NEW.recorded_at)
        IS DISTINCT FROM (OLD.id, OLD.paper_key, OLD.counter_id, OLD.local_id, OLD.captured_at,
         OLD.rx_date, OLD.image_sm3, OLD.record_sm3, OLD.captured_by, OLD.recorded_at) THEN
    RAISE EXCEPTION 'paper_archive_index: an entry is append-only (its state only moves from captured to dispensed)';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER paper_archive_index_append_only BEFORE UPDATE ON paper_archive_index
  FOR EACH ROW EXECUTE FUNCTION paper_archive_index_only_dispenses();
CREATE TRIGGER paper_archive_index_never_deleted BEFORE DELETE ON paper_archive_index
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
