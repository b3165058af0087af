import { storeServerConfigFromEnv } from './config';
import { createPool } from './database';
import { migrate } from './migrate';
import { startStoreServer } from './server';

/**
 * `npm run store-server`: one store server per pharmacy (docs/store-server.md). Migrates the
 * database, listens, prints STORE_SERVER_READY <url>; stops cleanly on SIGINT/SIGTERM.
 */
const config = storeServerConfigFromEnv(process.env);
const pool = createPool(config.databaseUrl);
const applied = await migrate(pool, config.institution);
if (applied.length > 0) console.log(`已应用数据库迁移：${applied.join(', ')}`);
const server = await startStoreServer(pool, config);
console.log(
  `门店服务器已启动：机构 ${config.institution}，柜台 ${[...config.counters.keys()].join('、')}`,
);
console.log(`STORE_SERVER_READY ${server.url}`);
const stop = async () => {
  await server.close();
  await pool.end();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
