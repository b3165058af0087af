import { parseArgs } from 'node:util';
import pg from 'pg';
import { headOfficeConfigFromEnv } from './config';
import { chainDayReport } from './day-report';
import { migrateHeadOffice } from './migrate';
import { startReportServer } from './report-server';
import { dayReportText, stockText } from './report-text';
import { chainStock } from './stock-report';
import { subscribeStore } from './subscribe-store';

/**
 * `npm run head-office -- <command>` (docs/store-server.md, "Beyond one store"; D58):
 *   migrate                                   create or update the head-office tables
 *   add-store --institution X --store-url U [--connection C]
 *                                             subscribe to one store's publication
 *   report --day yyyy-MM-dd [--json]          the chain's day report (read-only)
 *   stock [--json]                            stock on hand per store (read-only)
 *   serve                                     the same reports over HTTP for HEAD_OFFICE_READERS
 */
const USAGE =
  '用法：npm run head-office -- migrate | add-store --institution 机构编码 --store-url postgres://… [--connection 连接串] | report --day yyyy-MM-dd [--json] | stock [--json] | serve';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    day: { type: 'string' },
    json: { type: 'boolean', default: false },
    institution: { type: 'string' },
    'store-url': { type: 'string' },
    connection: { type: 'string' },
  },
});

const config = headOfficeConfigFromEnv(process.env);
const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 4 });
if (positionals[0] === 'serve') {
  await serve().catch(async (e: unknown) => {
    console.error((e as Error).message);
    process.exitCode = 1;
    await pool.end();
  });
} else await runOnce();

async function serve(): Promise<void> {
  const server = await startReportServer(pool, config);
  console.log(`总部报表服务已启动：读取者 ${[...config.readers.keys()].join('、')}`);
  console.log(`HEAD_OFFICE_READY ${server.url}`);
  const stop = async () => {
    await server.close();
    await pool.end();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function runOnce(): Promise<void> {
  try {
    console.log(await run(positionals[0]));
  } catch (e) {
    console.error((e as Error).message);
    process.exitCode = 1;
  } finally {
    await pool.end();
  }
}

async function run(command: string | undefined): Promise<string> {
  switch (command) {
    case 'migrate': {
      const applied = await migrateHeadOffice(pool);
      return applied.length > 0
        ? `已应用总部数据库迁移：${applied.join(', ')}`
        : '总部数据库已是最新';
    }
    case 'add-store': {
      const institution = values.institution ?? '';
      const storeUrl = values['store-url'] ?? '';
      if (!institution || !storeUrl) throw new Error(USAGE);
      await subscribeStore(pool, {
        institution,
        storeUrl,
        ...(values.connection ? { subscriptionConnection: values.connection } : {}),
      });
      return `已订阅门店 ${institution}`;
    }
    case 'report': {
      const day = values.day ?? '';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`日期格式应为 yyyy-MM-dd\n${USAGE}`);
      const report = await chainDayReport(pool, day);
      return values.json ? JSON.stringify(report) : dayReportText(report);
    }
    case 'stock': {
      const stock = await chainStock(pool);
      return values.json ? JSON.stringify(stock) : stockText(stock);
    }
    default:
      throw new Error(USAGE);
  }
}
