import type { StoreStaffAccount } from '../../contract/types-store-staff';
import type { Role } from '../../domain/staff';
import type { Db } from '../../store/database';

interface Row {
  username: string;
  display_name: string;
  role: Role;
  pharmacist_code: string | null;
  certno: string | null;
  password_hash: string;
  must_change_password: number;
  active: number;
}

/** The counter's staff table as the roster sees it: accounts by user name (any case). */
export function localRoster(db: Db, now: () => number) {
  const byName = db.prepare(
    `SELECT username, display_name, role, pharmacist_code, certno, password_hash,
       must_change_password, active FROM staff WHERE username = ? COLLATE NOCASE`,
  );
  const update = db.prepare(
    `UPDATE staff SET display_name = @displayName, role = @role, pharmacist_code = @pharmacistCode,
       cert_type = CASE WHEN @certno IS NULL THEN cert_type ELSE '01' END,
       certno = coalesce(@certno, certno), password_hash = @passwordHash,
       must_change_password = @mustChangePassword, active = @active,
       deactivated_at = CASE WHEN @active = 1 THEN NULL ELSE coalesce(deactivated_at, @now) END,
       deactivated_by = CASE WHEN @active = 1 THEN NULL ELSE deactivated_by END
     WHERE username = @username COLLATE NOCASE`,
  );
  const insert = db.prepare(
    `INSERT INTO staff (username, display_name, role, pharmacist_code, cert_type, certno,
       password_hash, active, created_at, must_change_password, deactivated_at)
     VALUES (@username, @displayName, @role, @pharmacistCode,
       CASE WHEN @certno IS NULL THEN NULL ELSE '01' END, @certno, @passwordHash, @active, @now,
       @mustChangePassword, CASE WHEN @active = 1 THEN NULL ELSE @now END)`,
  );
  // A password reset at another counter lifts this counter's log-in lock of the name too (D57).
  const liftLock = db.prepare('DELETE FROM login_failures WHERE username = ? COLLATE NOCASE');
  return {
    account(username: string): StoreStaffAccount | null {
      const r = byName.get(username) as Row | undefined;
      if (!r) return null;
      return {
        username: r.username,
        displayName: r.display_name,
        role: r.role,
        pharmacistCode: r.pharmacist_code,
        certno: r.certno,
        passwordHash: r.password_hash,
        mustChangePassword: r.must_change_password === 1,
        active: r.active === 1,
      };
    },
    /** The store's copy of an account, written over this counter's (or added). */
    apply(a: StoreStaffAccount): void {
      const params = {
        ...a,
        mustChangePassword: a.mustChangePassword ? 1 : 0,
        active: a.active ? 1 : 0,
        now: now(),
      };
      const before = byName.get(a.username) as Row | undefined;
      if (before && before.password_hash !== a.passwordHash) liftLock.run(a.username);
      if (update.run(params).changes === 0) insert.run(params);
    },
  };
}
