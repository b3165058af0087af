import { startPgCluster } from '../../scripts/lib/pg-cluster';
import { createStoreClient, type StoreClient } from '../../src/store-link/store-client';
import { createPool } from '../../src/store-server/database';
import { migrate } from '../../src/store-server/migrate';
import { startStoreServer } from '../../src/store-server/server';
import type { BenchRow } from './table';

/**
 * Stock at the store server (issue 17, D49) on a throwaway PostgreSQL cluster with its durable
 * defaults: sales per second with 1, 2 and 4 counters (concurrent clients against one store
 * server), every counter selling the same drug — the worst case, since each sale locks that
 * drug's batches — once taking stock FEFO (`stock.sell`) and, in the same minute for comparison,
 * with codes only (`codes.confirm`). Each sale: 2 scans (reserve) and one completion.
 */
const INSTITUTION = 'P50010300001';
const MED = 'XC08CAA010A001010201587';
const PRODUCT_ID = '8062221';
const SECONDS_PER_RUN = 5;
const COUNTER_IDS = ['A', 'B', 'C', 'D'];

export async function benchStoreStock(): Promise<BenchRow[]> {
  const cluster = await startPgCluster();
  const pool = createPool(cluster.url, 20);
  try {
    await migrate(pool);
    const secrets = new Map(
      COUNTER_IDS.map((id) => [id, `${id}-stock-bench-secret-`.padEnd(40, 'x')]),
    );
    const server = await startStoreServer(pool, {
      databaseUrl: cluster.url,
      institution: INSTITUTION,
      counters: secrets,
      host: '127.0.0.1',
      port: 0,
      reservationSeconds: 1800,
    });
    const client = (id: string) =>
      createStoreClient({
        url: server.url,
        institution: INSTITUTION,
        counterId: id,
        secret: secrets.get(id) ?? '',
        timeoutMs: 10_000,
        attempts: 1,
      });
    const keeper = client('A');
    // Two batches, the later expiry received first; enough that no run runs short.
    for (const [batchNo, expiry] of [
      ['B-LATE', '2029-12-31'],
      ['B-EARLY', '2028-06-30'],
    ] as const) {
      await keeper.call('stock.receive', {
        idempotencyKey: `bench-receive-${batchNo}`,
        medListCodg: MED,
        batchNo,
        expiry,
        packs: 100_000,
        supplier: {
          name: '基准测试供应商',
          licenceNo: 'BENCH-001',
          licenceValidUntil: '2099-12-31',
          active: true,
        },
        receivedBy: 'bench',
      });
    }
    let n = 0;
    const rows: BenchRow[] = [];
    for (const counters of [1, 2, 4]) {
      const clients = COUNTER_IDS.slice(0, counters).map(client);
      const withStock = await salesPerSecond(clients, 'stock.sell', () => n++);
      const codesOnly = await salesPerSecond(clients, 'codes.confirm', () => n++);
      const note = `${counters} counter(s) at once, ${SECONDS_PER_RUN} s each, one drug (2 batches): 2 reserves + 1 completion per sale`;
      rows.push(
        {
          area: 'store stock',
          name: `sales/s taking stock FEFO, ${counters} counter(s)`,
          value: withStock,
          unit: '/s',
          note: `${note}; stock.sell (codes + FEFO in one transaction)`,
        },
        {
          area: 'store stock',
          name: `sales/s codes only, ${counters} counter(s)`,
          value: codesOnly,
          unit: '/s',
          note: `${note}; codes.confirm, the same minute, for comparison`,
        },
      );
    }
    const ledger = await pool.query<{ agree: boolean }>(
      `SELECT bool_and(b.on_hand = m.moved AND b.on_hand >= 0) AS agree FROM store_batches b
       JOIN (SELECT batch_id, sum(delta) AS moved FROM store_stock_movements GROUP BY batch_id) m
         ON m.batch_id = b.id`,
    );
    if (ledger.rows[0]?.agree !== true)
      throw new Error('store stock: on-hand and movements disagree');
    await server.close();
    return rows;
  } finally {
    await pool.end();
    cluster.stop();
  }
}

/** Each counter loops: scan two fresh packs (reserve each), complete the sale. */
async function salesPerSecond(
  clients: StoreClient[],
  completion: 'stock.sell' | 'codes.confirm',
  next: () => number,
): Promise<number> {
  let sales = 0;
  const until = performance.now() + SECONDS_PER_RUN * 1000;
  await Promise.all(
    clients.map(async (c) => {
      while (performance.now() < until) {
        const ref = `st-${c.counterId}-${next()}`;
        const codes = [0, 1].map(() => `7${PRODUCT_ID}${String(next()).padStart(12, '0')}`);
        for (const code of codes) {
          await c.call('codes.reserve', {
            idempotencyKey: `${ref}-r-${code}`,
            code,
            medListCodg: MED,
            saleRef: ref,
            reusePack: false,
          });
        }
        const input = {
          idempotencyKey: `${ref}-c`,
          saleRef: ref,
          lines: codes.map((code) => ({
            code,
            medListCodg: MED,
            unitsPerPack: null,
            unitsLeft: null,
            reusedUnits: null,
          })),
        };
        const done =
          completion === 'stock.sell'
            ? (await c.call('stock.sell', input)).verdict === 'sold'
            : (await c.call('codes.confirm', input)).verdict === 'confirmed';
        if (done) sales++;
      }
    }),
  );
  return sales / SECONDS_PER_RUN;
}
