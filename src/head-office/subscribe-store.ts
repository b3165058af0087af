import pg from 'pg';

const INSTITUTION = /^[A-Za-z0-9]{12}$/;
/** The store server's publication (store migration 010). */
export const STORE_PUBLICATION = 'head_office';

export interface StoreToSubscribe {
  institution: string;
  /** postgres://… of the store's database, for checking it and creating its replication slot */
  storeUrl: string;
  /** how the head-office cluster reaches the store (default storeUrl): libpq URI or key=value */
  subscriptionConnection?: string;
}

/** One store's subscription and its slot at the store: named by the institution, never reused. */
export function subscriptionName(institution: string): string {
  return `store_${institution.toLowerCase()}`;
}

/**
 * Subscribes the head office to one store's publication (D58). The slot is created at the store
 * first and the subscription told not to create one: CREATE SUBSCRIPTION hangs when it creates
 * its slot in its own cluster (PostgreSQL docs, CREATE SUBSCRIPTION), and a slot made by the
 * store's side works across clusters too. The store must say it is that institution (its
 * store_identity), so two stores' rows never land under one name. Existing rows are copied once;
 * from then on the store's slot keeps what head office has not yet received.
 */
export async function subscribeStore(headOffice: pg.Pool, store: StoreToSubscribe): Promise<void> {
  if (!INSTITUTION.test(store.institution)) {
    throw new Error(`定点机构编码“${store.institution}”无效：须为 12 位字母数字`);
  }
  const name = subscriptionName(store.institution);
  const known = await headOffice.query('SELECT 1 FROM stores WHERE institution = $1', [
    store.institution,
  ]);
  if (known.rowCount === 1) throw new Error(`门店 ${store.institution} 已由总部订阅（${name}）`);
  const slotIsNew = await prepareStore(store, name);
  const connection = store.subscriptionConnection ?? store.storeUrl;
  const client = await headOffice.connect();
  try {
    await client.query('BEGIN');
    await client.query('INSERT INTO stores (institution, subscription) VALUES ($1, $2)', [
      store.institution,
      name,
    ]);
    await client.query(
      `CREATE SUBSCRIPTION ${name} CONNECTION ${client.escapeLiteral(connection)}
       PUBLICATION ${STORE_PUBLICATION}
       WITH (create_slot = false, slot_name = ${client.escapeLiteral(name)}, copy_data = true)`,
    );
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    // A slot nobody reads keeps the store's WAL forever: drop the one made for this attempt.
    if (slotIsNew) await dropSlot(store.storeUrl, name);
    throw e;
  } finally {
    client.release();
  }
}

async function dropSlot(storeUrl: string, slot: string): Promise<void> {
  const c = new pg.Client({ connectionString: storeUrl });
  await c.connect();
  try {
    await c.query('SELECT pg_drop_replication_slot($1)', [slot]);
  } finally {
    await c.end();
  }
}

/** Checks the store and makes its slot; true when the slot is new (not left by an earlier try). */
async function prepareStore(store: StoreToSubscribe, slot: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: store.storeUrl });
  await c.connect();
  try {
    const who = await c.query<{ institution: string }>('SELECT institution FROM store_identity');
    const owner = who.rows[0]?.institution;
    if (owner !== store.institution) {
      throw new Error(
        owner
          ? `该门店数据库属于定点机构 ${owner}，不是 ${store.institution}`
          : '该门店数据库尚未由门店服务器启动过（不知其定点机构），请先启动门店服务器',
      );
    }
    const published = await c.query('SELECT 1 FROM pg_publication WHERE pubname = $1', [
      STORE_PUBLICATION,
    ]);
    if (published.rowCount !== 1) {
      throw new Error('门店数据库没有发布 head_office：请先用新版门店服务器迁移其数据库');
    }
    const made = await c.query(
      `SELECT pg_create_logical_replication_slot($1, 'pgoutput')
       WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = $1)`,
      [slot],
    );
    return made.rowCount === 1;
  } finally {
    await c.end();
  }
}
