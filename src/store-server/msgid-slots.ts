import type { Pool } from 'pg';
import { MSGID_SLOTS } from '../domain/msgid-slots';
import { StoreError } from './store-error';

/**
 * This counter's msgid slot (D51): the one it was given, or — at its first store.status — the
 * lowest slot no counter ever had. The table lock makes two first calls at once take different
 * slots; the column's UNIQUE and its trigger keep a slot with its counter for good.
 */
export async function msgidSlotOf(pool: Pool, counterId: string): Promise<number> {
  const known = await pool.query<{ msgid_slot: number | null }>(
    'SELECT msgid_slot FROM counters WHERE counter_id = $1',
    [counterId],
  );
  const slot = known.rows[0]?.msgid_slot;
  if (slot !== null && slot !== undefined) return slot;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('LOCK TABLE counters IN SHARE ROW EXCLUSIVE MODE');
    const free = await client.query<{ slot: number }>(
      `SELECT s AS slot FROM generate_series(0, $1::int - 1) AS s
       WHERE s NOT IN (SELECT msgid_slot FROM counters WHERE msgid_slot IS NOT NULL)
       ORDER BY s LIMIT 1`,
      [MSGID_SLOTS],
    );
    const given = free.rows[0]?.slot;
    if (given === undefined) {
      await client.query('ROLLBACK');
      throw new StoreError(
        'MSGID_SLOTS_FULL',
        `本机构已有 ${MSGID_SLOTS} 个柜台分得报文编号段：同一定点机构至多 ${MSGID_SLOTS} 个柜台共用医保中心的报文编号（msgid），柜台 ${counterId} 不能再加入；请停用多余的柜台`,
      );
    }
    // Another call of this counter may have taken its slot meanwhile: then that one stands.
    const assigned = await client.query<{ msgid_slot: number }>(
      `UPDATE counters SET msgid_slot = coalesce(msgid_slot, $2),
         msgid_slot_assigned_at = coalesce(msgid_slot_assigned_at, now())
       WHERE counter_id = $1 RETURNING msgid_slot`,
      [counterId, given],
    );
    await client.query('COMMIT');
    return assigned.rows[0]?.msgid_slot ?? given;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
