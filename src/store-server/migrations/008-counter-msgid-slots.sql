-- Each counter's share of the institution's msgid sequences (issue 17, D51): the first digit of
-- the 4-digit sequence. Assigned by the store server once, at the counter's first store.status,
-- and never changed or given to another counter: the center answers a repeated msgid with the
-- first request's result, so two counters must never build the same one.
ALTER TABLE counters
  ADD COLUMN msgid_slot smallint UNIQUE CHECK (msgid_slot BETWEEN 0 AND 9),
  ADD COLUMN msgid_slot_assigned_at timestamptz,
  ADD CHECK ((msgid_slot IS NULL) = (msgid_slot_assigned_at IS NULL));

CREATE FUNCTION counters_keep_msgid_slot() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.msgid_slot IS NOT NULL THEN
    RAISE EXCEPTION '柜台 % 已分得报文编号段 %，不得删除（编号段不再分配给其他柜台）',
      OLD.counter_id, OLD.msgid_slot;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.msgid_slot IS NOT NULL
     AND NEW.msgid_slot IS DISTINCT FROM OLD.msgid_slot THEN
    RAISE EXCEPTION '柜台 % 的报文编号段 % 一经分配不得更改', OLD.counter_id, OLD.msgid_slot;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER counters_keep_msgid_slot BEFORE UPDATE OR DELETE ON counters
  FOR EACH ROW EXECUTE FUNCTION counters_keep_msgid_slot();
