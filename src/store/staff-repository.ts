import { AppError } from '../domain/errors';
import { ROLES, type Role, type StaffMember } from '../domain/staff';
import type { Db } from './database';
import { sqliteCode } from './sqlite-errors';

export interface NewStaff {
  username: string;
  displayName: string;
  role: Role;
  /** 国家药师编码; required for pharmacists (R-PHARMACIST). */
  pharmacistCode?: string | null;
  /** Encoded hash from services/password.ts, never the password itself. */
  passwordHash: string;
  active?: boolean;
  /** A temporary password given by an administrator: changed by its holder at first log-in. */
  mustChangePassword?: boolean;
}

/** What an administrator may change about an account (never its user name). */
export interface StaffChanges {
  displayName: string;
  role: Role;
  pharmacistCode: string | null;
}

/** What log-in needs: the member, the stored hash, and whether the account may be used. */
export interface StaffCredentials {
  staff: StaffMember;
  passwordHash: string;
  active: boolean;
  mustChangePassword: boolean;
}

export interface StaffListing extends StaffMember {
  active: boolean;
  createdAt: number;
  deactivatedAt: number | null;
  mustChangePassword: boolean;
  passwordChangedAt: number | null;
}

interface StaffRow {
  id: number;
  username: string;
  display_name: string;
  role: string;
  pharmacist_code: string | null;
  password_hash: string;
  active: number;
  created_at: number;
  deactivated_at: number | null;
  must_change_password: number;
  password_changed_at: number | null;
}

export class StaffRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  create(input: NewStaff): StaffMember {
    const username = input.username.trim();
    const displayName = input.displayName.trim();
    const code = input.pharmacistCode?.trim() || null;
    if (!username) throw new AppError('VALIDATION', '用户名不能为空');
    if (!displayName) throw new AppError('VALIDATION', '姓名不能为空');
    if (!ROLES.includes(input.role)) throw new AppError('VALIDATION', `未知的岗位：${input.role}`);
    if (input.role === 'pharmacist' && !code) {
      throw new AppError('VALIDATION', '执业药师须登记国家药师编码', { ruleId: 'R-PHARMACIST' });
    }
    try {
      const result = this.db
        .prepare(
          `INSERT INTO staff (username, display_name, role, pharmacist_code, password_hash, active,
             created_at, must_change_password)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          username,
          displayName,
          input.role,
          code,
          input.passwordHash,
          input.active === false ? 0 : 1,
          this.now(),
          input.mustChangePassword ? 1 : 0,
        );
      return {
        id: Number(result.lastInsertRowid),
        username,
        displayName,
        role: input.role,
        pharmacistCode: code,
      };
    } catch (err) {
      if (sqliteCode(err) === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new AppError('CONFLICT', `用户名“${username}”已被使用`);
      }
      throw err;
    }
  }

  /** Case-insensitive, as staff type it at the counter. Includes deactivated accounts. */
  findByUsername(username: string): StaffCredentials | null {
    const row = this.db.prepare('SELECT * FROM staff WHERE username = ?').get(username.trim()) as
      | StaffRow
      | undefined;
    return row
      ? {
          staff: toMember(row),
          passwordHash: row.password_hash,
          active: row.active === 1,
          mustChangePassword: row.must_change_password === 1,
        }
      : null;
  }

  /** The member if the account exists and is active: a deactivated account can no longer act. */
  findById(id: number): StaffMember | null {
    const row = this.db.prepare('SELECT * FROM staff WHERE id = ? AND active = 1').get(id) as
      | StaffRow
      | undefined;
    return row ? toMember(row) : null;
  }

  /** The account whether active or not, with its password hash (for a change of password). */
  credentialsOf(id: number): StaffCredentials | null {
    const row = this.db.prepare('SELECT username FROM staff WHERE id = ?').get(id) as
      | { username: string }
      | undefined;
    return row ? this.findByUsername(row.username) : null;
  }

  list(): StaffListing[] {
    const rows = this.db.prepare('SELECT * FROM staff ORDER BY id').all() as StaffRow[];
    return rows.map(toListing);
  }

  listing(id: number): StaffListing | null {
    const row = this.db.prepare('SELECT * FROM staff WHERE id = ?').get(id) as StaffRow | undefined;
    return row ? toListing(row) : null;
  }

  update(id: number, changes: StaffChanges): boolean {
    return (
      this.db
        .prepare('UPDATE staff SET display_name = ?, role = ?, pharmacist_code = ? WHERE id = ?')
        .run(changes.displayName, changes.role, changes.pharmacistCode, id).changes === 1
    );
  }

  /** Switched off by an administrator (recorded who and when); the account stays for its records. */
  deactivate(id: number, by: number): boolean {
    return (
      this.db
        .prepare(
          'UPDATE staff SET active = 0, deactivated_at = ?, deactivated_by = ? WHERE id = ? AND active = 1',
        )
        .run(this.now(), by, id).changes === 1
    );
  }

  reactivate(id: number): boolean {
    return (
      this.db
        .prepare(
          'UPDATE staff SET active = 1, deactivated_at = NULL, deactivated_by = NULL WHERE id = ? AND active = 0',
        )
        .run(id).changes === 1
    );
  }

  /** A new password hash: temporary (given by an administrator) or chosen by its holder. */
  setPassword(id: number, passwordHash: string, temporary: boolean): boolean {
    return (
      this.db
        .prepare(
          `UPDATE staff SET password_hash = ?, must_change_password = ?,
             password_changed_at = CASE WHEN ? = 1 THEN password_changed_at ELSE ? END
           WHERE id = ?`,
        )
        .run(passwordHash, temporary ? 1 : 0, temporary ? 1 : 0, this.now(), id).changes === 1
    );
  }

  mustChangePassword(id: number): boolean {
    return (
      this.db.prepare('SELECT must_change_password FROM staff WHERE id = ?').pluck().get(id) === 1
    );
  }

  /** Accounts are deactivated, never deleted: reviews and sales keep pointing at them. */
  setActive(id: number, active: boolean): boolean {
    return (
      this.db.prepare('UPDATE staff SET active = ? WHERE id = ?').run(active ? 1 : 0, id)
        .changes === 1
    );
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n;
  }
}

function toListing(r: StaffRow): StaffListing {
  return {
    ...toMember(r),
    active: r.active === 1,
    createdAt: r.created_at,
    deactivatedAt: r.deactivated_at,
    mustChangePassword: r.must_change_password === 1,
    passwordChangedAt: r.password_changed_at,
  };
}

function toMember(row: StaffRow): StaffMember {
  if (!(ROLES as readonly string[]).includes(row.role))
    throw new Error(`staff ${row.id}: unknown role ${row.role}`);
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    pharmacistCode: row.pharmacist_code,
  };
}
