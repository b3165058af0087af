import type { Pool } from 'pg';

/**
 * Fixes which institution this database belongs to (migration 010): the first start writes it,
 * every later start must name the same one. Rows replicated to a chain's head office carry it,
 * so a database reused for another pharmacy would mix two stores' records there.
 */
export async function claimStoreIdentity(pool: Pool, institution: string): Promise<void> {
  await pool.query(
    'INSERT INTO store_identity (institution) VALUES ($1) ON CONFLICT (singleton) DO NOTHING',
    [institution],
  );
  const r = await pool.query<{ institution: string }>('SELECT institution FROM store_identity');
  const owner = r.rows[0]?.institution;
  if (owner !== institution) {
    throw new Error(
      `该数据库属于定点机构 ${owner}，不能用作机构 ${institution} 的门店服务器数据库（每个机构一个数据库）`,
    );
  }
}
