import type { z } from 'zod';
import type { StoreShiftRecord, storeStaffAccount } from '../contract/store-protocol-staff';
import type {
  ShiftsLastAnswer,
  ShiftsRecordAnswer,
  StaffPutAnswer,
  StaffRosterAnswer,
  StoreOnDutyAnswer,
} from '../contract/types-store-staff';
import type { Role } from '../domain/staff';
import { KEEP_AN_ADMIN, leavesNoActiveAdmin } from './active-admin-rule';
import type { Client } from './database';
import type { Outcome } from './idempotent';

type Account = z.infer<typeof storeStaffAccount>;

/**
 * The pharmacy's staff roster (R-PHARMACIST, D30): one row per user name, each change the next
 * version. A change based on an older version than the store's is refused as a conflict (the
 * other counter's change was first); the same content again takes no new version.
 */
export async function putStaff(
  c: Client,
  me: string,
  account: Account,
  baseVersion: number | null,
): Promise<Outcome<StaffPutAnswer>> {
  const key = account.username.toLowerCase();
  const current = await c.query<{
    version: string;
    changed_by: string;
    same: boolean;
    role: string;
    active: boolean;
    new_password: boolean;
  }>(
    `SELECT version::text, changed_by, role, active, password_hash IS DISTINCT FROM $6 AS new_password,
       (display_name, role, pharmacist_code, certno, password_hash, must_change_password, active)
         IS NOT DISTINCT FROM ($2, $3, $4, $5, $6, $7, $8) AS same
     FROM store_staff WHERE username_key = $1 FOR UPDATE`,
    [
      key,
      account.displayName,
      account.role,
      account.pharmacistCode,
      account.certno,
      account.passwordHash,
      account.mustChangePassword,
      account.active,
    ],
  );
  const row = current.rows[0];
  if (row?.same) return { answer: { verdict: 'stored', version: Number(row.version) }, keep: true };
  if (row && (baseVersion === null || Number(row.version) > baseVersion)) {
    return {
      answer: { verdict: 'conflict', version: Number(row.version), changedBy: row.changed_by },
      keep: true,
    };
  }
  if (await leavesNoActiveAdmin(c, key, row, account)) {
    return {
      answer: { verdict: 'refused', version: Number(row?.version), message: KEEP_AN_ADMIN },
      keep: true,
    };
  }
  const stored = await c.query<{ version: string }>(
    `INSERT INTO store_staff (username_key, username, display_name, role, pharmacist_code, certno,
       password_hash, must_change_password, active, changed_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (username_key) DO UPDATE SET display_name = excluded.display_name,
       role = excluded.role, pharmacist_code = excluded.pharmacist_code, certno = excluded.certno,
       password_hash = excluded.password_hash,
       must_change_password = excluded.must_change_password, active = excluded.active,
       version = nextval('store_staff_version'), changed_by = excluded.changed_by,
       changed_at = now()
     RETURNING version::text`,
    [
      key,
      account.username,
      account.displayName,
      account.role,
      account.pharmacistCode,
      account.certno,
      account.passwordHash,
      account.mustChangePassword,
      account.active,
      me,
    ],
  );
  // A new password (an administrator's reset) lifts the name's store-wide log-in lock (D57).
  if (row?.new_password) {
    await c.query('DELETE FROM store_login_failures WHERE username_key = $1', [key]);
  }
  return {
    answer: { verdict: 'stored', version: Number(stored.rows[0]?.version) },
    keep: true,
  };
}

export async function rosterAfter(
  c: Pick<Client, 'query'>,
  afterVersion: number,
): Promise<StaffRosterAnswer> {
  const rows = await c.query<{
    username: string;
    display_name: string;
    role: Role;
    pharmacist_code: string | null;
    certno: string | null;
    password_hash: string;
    must_change_password: boolean;
    active: boolean;
    version: string;
  }>(
    // By the number, not by the text the answer carries ('10' sorts before '3').
    `SELECT username, display_name, role, pharmacist_code, certno, password_hash,
       must_change_password, active, version::text
     FROM store_staff WHERE version > $1 ORDER BY store_staff.version LIMIT 500`,
    [afterVersion],
  );
  return {
    accounts: rows.rows.map((r) => ({
      username: r.username,
      displayName: r.display_name,
      role: r.role,
      pharmacistCode: r.pharmacist_code,
      certno: r.certno,
      passwordHash: r.password_hash,
      mustChangePassword: r.must_change_password,
      active: r.active,
      version: Number(r.version),
    })),
  };
}

/** Shifts of one counter: a new one is stored once, an open one closed once. */
export async function recordShifts(
  c: Client,
  me: string,
  shifts: StoreShiftRecord[],
): Promise<Outcome<ShiftsRecordAnswer>> {
  let recorded = 0;
  let closed = 0;
  for (const s of shifts) {
    const inserted = await c.query(
      `INSERT INTO store_shifts (counter_id, local_id, username, display_name, pharmacist_code,
         opened_at, closed_at)
       VALUES ($1, $2, $3, $4, $5, to_timestamp($6 / 1000.0), to_timestamp($7 / 1000.0))
       ON CONFLICT (counter_id, local_id) DO NOTHING`,
      [me, s.localId, s.username, s.displayName, s.pharmacistCode, s.openedAt, s.closedAt],
    );
    if (inserted.rowCount === 1) {
      recorded++;
      continue;
    }
    if (s.closedAt === null) continue;
    const ended = await c.query(
      `UPDATE store_shifts SET closed_at = to_timestamp($3 / 1000.0)
       WHERE counter_id = $1 AND local_id = $2 AND closed_at IS NULL`,
      [me, s.localId, s.closedAt],
    );
    closed += ended.rowCount ?? 0;
  }
  return { answer: { recorded, closed }, keep: true };
}

export async function shiftsLast(c: Pick<Client, 'query'>, me: string): Promise<ShiftsLastAnswer> {
  const r = await c.query<{ last: string | null; open: string[] | null }>(
    `SELECT max(local_id)::text AS last,
       array_agg(local_id::text) FILTER (WHERE closed_at IS NULL) AS open
     FROM store_shifts WHERE counter_id = $1`,
    [me],
  );
  const row = r.rows[0];
  return {
    lastLocalId: Number(row?.last ?? 0),
    openLocalIds: (row?.open ?? []).map(Number),
  };
}

export async function onDuty(c: Pick<Client, 'query'>): Promise<StoreOnDutyAnswer> {
  const r = await c.query<{
    counter_id: string;
    username: string;
    display_name: string;
    pharmacist_code: string;
    opened_ms: string;
  }>(
    `SELECT counter_id, username, display_name, pharmacist_code,
       (extract(epoch FROM opened_at) * 1000)::bigint::text AS opened_ms
     FROM store_shifts WHERE closed_at IS NULL ORDER BY opened_at, counter_id`,
  );
  return {
    shifts: r.rows.map((s) => ({
      counterId: s.counter_id,
      username: s.username,
      displayName: s.display_name,
      pharmacistCode: s.pharmacist_code,
      openedAt: Number(s.opened_ms),
    })),
  };
}
