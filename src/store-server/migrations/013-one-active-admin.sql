-- The store's roster keeps at least one active administrator (D30 store-wide, D57): each counter's
-- SQLite trigger sees only its own copy, so two counters could each switch off a different
-- administrator. An update that takes an active administrator away is checked after the row
-- changed, one such check at a time (the advisory lock is held until commit, and the check's query
-- sees every change committed before it got the lock).
CREATE FUNCTION store_staff_keep_an_admin() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('store_staff:active-admins'));
  IF NOT EXISTS (SELECT 1 FROM store_staff WHERE role = 'admin' AND active) THEN
    RAISE EXCEPTION '须至少保留一名在用的管理员' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER store_staff_keep_an_admin AFTER UPDATE ON store_staff
  FOR EACH ROW WHEN (OLD.role = 'admin' AND OLD.active AND NOT (NEW.role = 'admin' AND NEW.active))
  EXECUTE FUNCTION store_staff_keep_an_admin();
