import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { StoreDayTotals } from '../../../src/contract/types-store-settlements';
import { yuanText } from '../../../src/domain/money';
import { chainDayReport } from '../../../src/head-office/day-report';
import { startReportServer } from '../../../src/head-office/report-server';
import { chainStock } from '../../../src/head-office/stock-report';
import { subscribeStore } from '../../../src/head-office/subscribe-store';
import type { StoreClient } from '../../../src/store-link/store-client';
import { migrate } from '../../../src/store-server/migrate';
import { startStoreServer } from '../../../src/store-server/server';
import { receive, sell } from '../store-server/helpers/stock';
import { key, packCode, ROOT, storeConfig } from '../store-server/helpers/store';
import {
  type Chain,
  type ChainStore,
  caughtUp,
  chainForThisFile,
  eventually,
  replicationLog,
  STORE_A,
} from './helpers/chain';

/**
 * A chain's head office (D58): two stores' databases, each written only through its real store
 * server over HTTP, replicated by PostgreSQL logical replication into the head-office database
 * (store B through a TCP link the test can cut). The head office reports what the stores report.
 */
const chainOf = chainForThisFile();
const DAY = '2026-12-07';
/** A third pharmacy of the chain, never subscribed. */
const STORE_C = 'P50010300003';
const on = (hhmm: string, day = DAY) => Date.parse(`${day}T${hhmm}:00+08:00`);

let localId = 0;
async function settle(client: StoreClient, at: number, medfeeFen: number, refund = false) {
  const id = ++localId;
  const record = {
    kind: 'settle' as const,
    localId: id,
    setlId: `S${id}`,
    hiRxno: `RX${randomBytes(6).toString('hex')}`,
    medfeeFen,
    fundFen: Math.floor(medfeeFen * 0.6),
    acctFen: Math.floor(medfeeFen * 0.3),
    cashFen: medfeeFen - Math.floor(medfeeFen * 0.6) - Math.floor(medfeeFen * 0.3),
    at,
  };
  const records = refund
    ? [record, { ...record, kind: 'refund' as const, at: at + 60_000 }]
    : [record];
  await client.call('settlements.record', { idempotencyKey: key('settle'), records });
}

async function cashSale(client: StoreClient, at: number, totalFen: number) {
  await client.call('cashSales.record', {
    idempotencyKey: key('cash'),
    sales: [{ localId: ++localId, totalFen, soldAt: at }],
  });
}

const dayOfStore = (s: ChainStore) => s.counter('A').call('settlements.dayReport', { day: DAY });

function sum(a: StoreDayTotals, b: StoreDayTotals): StoreDayTotals {
  const out = { ...a };
  for (const k of Object.keys(out) as Array<keyof StoreDayTotals>) out[k] += b[k];
  return out;
}

let subscribed: Promise<void> | undefined;
/** Head office subscribes to both stores once, whichever test comes first (each can run alone). */
function subscribeBoth(chain: Chain): Promise<void> {
  subscribed ??= subscribeEach(chain);
  return subscribed;
}

async function subscribeEach(chain: Chain) {
  await subscribeStore(chain.headOffice, {
    institution: chain.a.institution,
    storeUrl: chain.a.url,
  });
  await subscribeStore(chain.headOffice, {
    institution: chain.b.institution,
    storeUrl: chain.b.url,
    subscriptionConnection: chain.linkToBUrl,
  });
}

/** The head office's report of the day equals each store's own day report, and their sum. */
async function expectReportsAgree(chain: Chain) {
  const [ownA, ownB] = [await dayOfStore(chain.a), await dayOfStore(chain.b)];
  const report = await chainDayReport(chain.headOffice, DAY);
  expect(report.stores).toEqual([
    { institution: chain.a.institution, ...ownA },
    { institution: chain.b.institution, ...ownB },
  ]);
  expect(report.chain).toEqual(sum(ownA.store, ownB.store));
  return report;
}

describe('head office: consolidated reports by logical replication from every store', () => {
  it('the chain day report equals the sum of the two stores’ own day reports, store by store and counter by counter [R-RECON][R-KEEP]', async () => {
    const chain = chainOf();
    // Records made before head office subscribes are copied once; later ones stream.
    await settle(chain.a.counter('A'), on('09:10'), 12_800);
    await cashSale(chain.b.counter('C'), on('09:20'), 3_550);
    await subscribeBoth(chain);
    await settle(chain.a.counter('A'), on('10:00'), 5_000, true);
    await settle(chain.a.counter('B'), on('11:30'), 23_456);
    await cashSale(chain.a.counter('B'), on('12:00'), 1_990);
    await settle(chain.b.counter('A'), on('15:45'), 8_800);
    await settle(chain.b.counter('C'), on('23:59'), 100);
    // Another Beijing day (23:30 of the 6th is 15:30 UTC of the 6th): in neither report.
    await settle(chain.b.counter('A'), on('23:30', '2026-12-06'), 99_999);
    await cashSale(chain.a.counter('A'), on('00:10', '2026-12-08'), 777);
    await eventually(
      '两店记录到达总部',
      async () => (await caughtUp(chain, chain.a)) && (await caughtUp(chain, chain.b)),
      60_000,
      () => replicationLog(chain),
    );

    const report = await expectReportsAgree(chain);
    // Both stores' counter A stay apart (the key is the institution and the store's id).
    expect(report.stores.map((s) => s.counters.map((c) => c.counterId))).toEqual([
      ['A', 'B'],
      ['A', 'C'],
    ]);
    expect(report.chain).toMatchObject({
      settlements: 5,
      refunds: 1,
      cashSales: 2,
      cashSalesFen: 5_540,
    });
    expect(report.chain.medfeeFen).toBe(12_800 + 23_456 + 8_800 + 100);
  }, 90_000);

  it('a store whose link to head office is down keeps selling; head office catches up from its slot once the link is back [R-KEEP][R-RECON]', async () => {
    const chain = chainOf();
    await subscribeBoth(chain);
    await chain.linkToB.cut();
    await settle(chain.b.counter('A'), on('16:00'), 4_321);
    await cashSale(chain.b.counter('C'), on('16:05'), 880);
    // Store A still streams meanwhile: its record arriving shows the head office is running.
    await settle(chain.a.counter('A'), on('16:10'), 600);
    await eventually(
      'A 店记录到达总部',
      () => caughtUp(chain, chain.a),
      60_000,
      () => replicationLog(chain),
    );
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await caughtUp(chain, chain.b)).toBe(false);
    const behind = await chainDayReport(chain.headOffice, DAY);
    expect(behind.stores[1]?.store).not.toEqual((await dayOfStore(chain.b)).store);

    const restoredAt = Date.now();
    await chain.linkToB.restore();
    await eventually(
      'B 店离线期间的记录补到总部',
      () => caughtUp(chain, chain.b),
      60_000,
      () => replicationLog(chain),
    );
    await expectReportsAgree(chain);
    // The report says how current B's records are: received after the link came back.
    await eventually('总部报表显示 B 店数据已更新', async () => {
      const feeds = (await chainDayReport(chain.headOffice, DAY)).feeds;
      const b = feeds.find((f) => f.institution === chain.b.institution);
      return b?.connected === true && (b.receivedUpTo ?? 0) >= restoredAt;
    });
  }, 90_000);

  it('stock on hand per store at head office equals each store’s own batch levels [R-STOCK][R-KEEP]', async () => {
    const chain = chainOf();
    await subscribeBoth(chain);
    const sellAt = async (s: ChainStore, med: string, n: number) => {
      for (let i = 0; i < n; i++) {
        const code = packCode();
        const saleRef = `ho-${s.institution}-${med}-${i}`;
        await s.counter('A').call('codes.reserve', {
          idempotencyKey: key('r'),
          code,
          medListCodg: med,
          saleRef,
          reusePack: false,
        });
        expect((await sell(s.counter('A'), saleRef, med, [code])).verdict).toBe('sold');
      }
    };
    // The same drug and batch number in both stores: two batches, never one.
    await receive(chain.a.counter('A'), 'XA01ABC001', 'L2601', '2028-06-30', 30);
    await receive(chain.a.counter('B'), 'XA01ABC001', 'L2602', '2028-09-30', 10);
    await receive(chain.b.counter('A'), 'XA01ABC001', 'L2601', '2028-06-30', 12);
    await sellAt(chain.a, 'XA01ABC001', 3);
    await sellAt(chain.b, 'XA01ABC001', 5);
    await eventually(
      '两店库存记录到达总部',
      async () => (await caughtUp(chain, chain.a)) && (await caughtUp(chain, chain.b)),
      60_000,
      () => replicationLog(chain),
    );

    const stock = await chainStock(chain.headOffice);
    for (const s of [chain.a, chain.b]) {
      const own = await s.counter('A').call('stock.levels', { medListCodgs: null });
      const atHeadOffice = stock.stores.find((x) => x.institution === s.institution)?.batches;
      expect(atHeadOffice).toEqual(
        own.batches.map(({ medListCodg, batchNo, expiry, onHand }) => ({
          medListCodg,
          batchNo,
          expiry,
          onHand,
        })),
      );
    }
    expect(stock.stores.map((s) => s.batches.map((b) => b.onHand))).toEqual([[27, 10], [7]]);
  }, 90_000);

  it('head office never receives staff password hashes, shifts, the audit trail or supplier and staff names [R-AUTH]', async () => {
    const chain = chainOf();
    await subscribeBoth(chain);
    const hash = `scrypt$${randomBytes(24).toString('hex')}`;
    await chain.a.counter('A').call('staff.put', {
      idempotencyKey: key('staff'),
      account: {
        username: 'lihua',
        displayName: '李华',
        role: 'pharmacist',
        pharmacistCode: 'YS500103001',
        certno: null,
        passwordHash: hash,
        mustChangePassword: false,
        active: true,
      },
      baseVersion: null,
    });
    // A later record reaching head office: everything committed before it has been streamed.
    await settle(chain.a.counter('A'), on('17:00'), 1_000);
    await eventually(
      'A 店记录到达总部',
      () => caughtUp(chain, chain.a),
      60_000,
      () => replicationLog(chain),
    );

    const tables = await chain.headOffice.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND data_type IN ('text', 'character varying')`,
    );
    expect(tables.rows.map((r) => r.column_name)).not.toContain('password_hash');
    expect(new Set(tables.rows.map((r) => r.table_name))).toEqual(
      new Set([
        'schema_migrations',
        'stores',
        'store_settlements',
        'store_cash_sales',
        'store_batches',
        'store_stock_movements',
      ]),
    );
    for (const { table_name, column_name } of tables.rows) {
      const hit = await chain.headOffice.query(
        `SELECT 1 FROM ${table_name} WHERE ${column_name} IN ($1, 'lihua', '李华', 'keeper')`,
        [hash],
      );
      expect(hit.rowCount, `${table_name}.${column_name}`).toBe(0);
    }
    // What the store publishes at all: four tables, none of their secrets or names.
    const published = await chain.a.pool.query<{ tablename: string; attnames: string[] }>(
      `SELECT tablename, attnames::text[] AS attnames FROM pg_publication_tables WHERE pubname = 'head_office' ORDER BY tablename`,
    );
    expect(published.rows.map((r) => r.tablename)).toEqual([
      'store_batches',
      'store_cash_sales',
      'store_settlements',
      'store_stock_movements',
    ]);
    for (const r of published.rows) expect(r.attnames).toContain('institution');
    const columns = published.rows.flatMap((r) => r.attnames);
    for (const secret of ['password_hash', 'received_by', 'supplier_name', 'username', 'detail']) {
      expect(columns).not.toContain(secret);
    }
  }, 90_000);

  it('a store database keeps its institution: another institution’s server and a subscription under the wrong code are refused [R-RECON][R-KEEP]', async () => {
    const chain = chainOf();
    await subscribeBoth(chain);
    await expect(
      startStoreServer(chain.a.pool, {
        ...storeConfig(chain.a.url),
        institution: chain.b.institution,
      }),
    ).rejects.toThrow(`该数据库属于定点机构 ${STORE_A}`);
    await expect(
      subscribeStore(chain.headOffice, { institution: 'P50010399999', storeUrl: chain.a.url }),
    ).rejects.toThrow(`该门店数据库属于定点机构 ${STORE_A}，不是 P50010399999`);
    await expect(
      subscribeStore(chain.headOffice, { institution: chain.a.institution, storeUrl: chain.a.url }),
    ).rejects.toThrow(`门店 ${STORE_A} 已由总部订阅`);
    const stores = await chain.headOffice.query('SELECT institution FROM stores ORDER BY 1');
    expect(stores.rows.map((r) => r.institution)).toEqual([
      chain.a.institution,
      chain.b.institution,
    ]);
  }, 90_000);

  it('npm run head-office -- report prints the same chain report, read from the head-office database [R-RECON]', async () => {
    const chain = chainOf();
    await subscribeBoth(chain);
    const run = (args: string[]) =>
      promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', 'src/head-office/main.ts', ...args],
        {
          cwd: ROOT,
          env: { ...process.env, HEAD_OFFICE_DATABASE_URL: chain.headOfficeUrl },
        },
      );
    const json = JSON.parse((await run(['report', '--day', DAY, '--json'])).stdout);
    const { feeds: _f, ...direct } = await chainDayReport(chain.headOffice, DAY);
    const { feeds: _g, ...printed } = json;
    expect(printed).toEqual(direct);
    const text = (await run(['report', '--day', DAY])).stdout;
    expect(text).toContain(`连锁日结汇总 ${DAY}`);
    expect(text).toContain(
      `全连锁合计：结算 ${direct.chain.settlements} 笔，退费 ${direct.chain.refunds} 笔；医疗费总额 ${yuanText(direct.chain.medfeeFen)} 元`,
    );
    await expect(run(['report', '--day', '12/07'])).rejects.toThrow(/日期格式应为 yyyy-MM-dd/);
  }, 90_000);

  it('the report server answers a registered reader only, GET only, with the same chain report [R-RECON][R-AUTH]', async () => {
    const chain = chainOf();
    await subscribeBoth(chain);
    const token = randomBytes(24).toString('hex');
    const server = await startReportServer(chain.headOffice, {
      host: '127.0.0.1',
      port: 0,
      readers: new Map([['finance', token]]),
    });
    try {
      const get = (path: string, auth?: string, method = 'GET') =>
        fetch(`${server.url}${path}`, {
          method,
          headers: auth ? { authorization: `Bearer ${auth}` } : {},
        });
      const anonymous = await get(`/v1/report?day=${DAY}`);
      expect(anonymous.status).toBe(401);
      expect((await anonymous.json()).error.message).toContain('未授权');
      expect((await get(`/v1/report?day=${DAY}`, `${token}x`)).status).toBe(401);
      const write = await get(`/v1/report?day=${DAY}`, token, 'POST');
      expect(write.status).toBe(405);
      expect((await write.json()).error.message).toContain('只读');
      expect((await get('/v1/report?day=12/07', token)).status).toBe(400);

      const answer = await get(`/v1/report?day=${DAY}`, token);
      expect(answer.status).toBe(200);
      const { feeds: _f, ...served } = (await answer.json()).answer;
      const { feeds: _g, ...direct } = await chainDayReport(chain.headOffice, DAY);
      expect(served).toEqual(direct);
      const stock = await (await get('/v1/stock', token)).json();
      expect(stock.answer.stores).toEqual((await chainStock(chain.headOffice)).stores);
    } finally {
      await server.close();
    }
  }, 90_000);

  it('a store head office cannot reach is not subscribed and keeps no replication slot (it would hold the store’s WAL) [R-KEEP]', async () => {
    const chain = chainOf();
    await subscribeBoth(chain);
    const admin = new pg.Client({ connectionString: chain.cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE store_c');
    await admin.end();
    const storeC = chain.cluster.url.replace(/\/store$/, '/store_c');
    const pool = new pg.Pool({ connectionString: storeC, max: 2 });
    try {
      await migrate(pool, STORE_C);
      await expect(
        subscribeStore(chain.headOffice, {
          institution: STORE_C,
          storeUrl: storeC,
          subscriptionConnection: 'postgres://postgres@127.0.0.1:1/store_c',
        }),
      ).rejects.toThrow();
      const slots = await pool.query(
        'SELECT slot_name FROM pg_replication_slots WHERE database = $1',
        ['store_c'],
      );
      expect(slots.rows).toEqual([]);
      const stores = await chain.headOffice.query('SELECT institution FROM stores ORDER BY 1');
      expect(stores.rows.map((r) => r.institution)).toEqual([
        chain.a.institution,
        chain.b.institution,
      ]);
    } finally {
      await pool.end();
    }
  }, 90_000);
});
