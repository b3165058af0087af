import type { Client } from './database';

/** The counter's words for the same rule (SQLite migration 025's trigger, D30). */
export const KEEP_AN_ADMIN = '须至少保留一名在用的管理员';

/**
 * Would this change leave the store with no active administrator (D30 store-wide, D57)? Asked
 * under the same lock as migration 013's trigger, which stays the last word if this is bypassed.
 */
export async function leavesNoActiveAdmin(
  c: Client,
  usernameKey: string,
  before: { role: string; active: boolean } | undefined,
  after: { role: string; active: boolean },
): Promise<boolean> {
  const takesOneAway =
    before?.role === 'admin' && before.active && !(after.role === 'admin' && after.active);
  if (!takesOneAway) return false;
  await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['store_staff:active-admins']);
  const others = await c.query(
    `SELECT 1 FROM store_staff WHERE role = 'admin' AND active AND username_key <> $1 LIMIT 1`,
    [usernameKey],
  );
  return others.rowCount === 0;
}
