/**
 * Migration 25: staff accounts managed by the administrator (issue 14, staff).
 *
 * - deactivated_at / deactivated_by: who switched an account off and when; an account is never
 *   deleted, because reviews, sales and the audit trail keep pointing at their author (R-KEEP).
 * - must_change_password: set when an administrator gives a temporary password; the holder
 *   changes it before using any screen. password_changed_at: when the holder last chose one.
 * - The pharmacy always keeps one active administrator, or nobody could manage staff again.
 */
export const STAFF_ACCOUNTS_MIGRATION = `
  ALTER TABLE staff ADD COLUMN deactivated_at INTEGER;
  ALTER TABLE staff ADD COLUMN deactivated_by INTEGER REFERENCES staff (id);
  ALTER TABLE staff ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0
    CHECK (must_change_password IN (0, 1));
  ALTER TABLE staff ADD COLUMN password_changed_at INTEGER;

  CREATE TRIGGER staff_no_delete BEFORE DELETE ON staff
  BEGIN SELECT RAISE(ABORT, '员工账号不可删除，只能停用：其经手的记录须保留经办人（R-KEEP）'); END;

  CREATE TRIGGER staff_keeps_an_admin BEFORE UPDATE OF active, role ON staff
  WHEN OLD.role = 'admin' AND OLD.active = 1 AND (NEW.active = 0 OR NEW.role <> 'admin')
    AND NOT EXISTS (SELECT 1 FROM staff WHERE role = 'admin' AND active = 1 AND id <> OLD.id)
  BEGIN SELECT RAISE(ABORT, '须至少保留一名在用的管理员'); END;
`;
