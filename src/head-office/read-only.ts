import type pg from 'pg';

/** Runs a report's queries in one read-only transaction: one snapshot, and nothing can be written. */
export async function readOnly<T>(
  pool: pg.Pool,
  read: (c: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const result = await read(c);
    await c.query('COMMIT');
    return result;
  } catch (e) {
    await c.query('ROLLBACK');
    throw e;
  } finally {
    c.release();
  }
}
