import { startPgCluster } from '../../scripts/lib/pg-cluster';
import { createStoreClient, type StoreClient } from '../../src/store-link/store-client';
import type { StoreServerConfig } from '../../src/store-server/config';
import { createPool } from '../../src/store-server/database';
import { migrate } from '../../src/store-server/migrate';
import { startStoreServer } from '../../src/store-server/server';
import { type BenchRow, percentiles } from './table';

/**
 * The store server (issue 17) on a throwaway PostgreSQL cluster with its durable defaults
 * (fsync on): scan → verdict over signed HTTP with 10 million sold codes, and reservations,
 * sales and whole insured sales (claim, packs, settlement record) per second with 1, 2 and 4
 * counters each working one call at a time.
 */
const STORED = 10_000_000;
const SCANS = 2_000;
const PRODUCT_ID = '8010371';
const MED = 'XJ01CAA040A001010100435';
const INSTITUTION = 'P50010300001';
const SECONDS_PER_RUN = 5;
const COUNTER_IDS = ['A', 'B', 'C', 'D'];

export async function benchStoreServer(): Promise<BenchRow[]> {
  const cluster = await startPgCluster();
  const pool = createPool(cluster.url, 20);
  try {
    await migrate(pool);
    const secrets = new Map(COUNTER_IDS.map((id) => [id, `${id}-bench-secret-`.padEnd(40, 'x')]));
    const config: StoreServerConfig = {
      databaseUrl: cluster.url,
      institution: INSTITUTION,
      counters: secrets,
      host: '127.0.0.1',
      port: 0,
      reservationSeconds: 1800,
    };
    const server = await startStoreServer(pool, config);
    const buildMs = await fillSoldCodes(pool, STORED);
    const client = (id: string) =>
      createStoreClient({
        url: server.url,
        institution: INSTITUTION,
        counterId: id,
        secret: secrets.get(id) ?? '',
        timeoutMs: 10_000,
        attempts: 1,
      });

    const a = client('A');
    const samples: number[] = [];
    let refused = 0;
    let n = 0;
    for (let s = 0; s < SCANS; s++) {
      // Half the scans hit a sold code (a repeat), half a fresh one; spread over the whole table.
      const serial = Math.floor(Math.random() * STORED) * 7 + (s % 2);
      const t = performance.now();
      const r = await a.call('codes.reserve', {
        idempotencyKey: `bench-scan-${s}-${Date.now()}`,
        code: `${PRODUCT_ID}${String(serial).padStart(13, '0')}`,
        medListCodg: MED,
        saleRef: `scan-${s}`,
        reusePack: false,
      });
      samples.push(performance.now() - t);
      if (r.verdict === 'refused') refused++;
    }
    const { median, p99 } = percentiles(samples);
    const note = `${STORED.toLocaleString('en-US')} sold codes in PostgreSQL (generate_series, ${(buildMs / 1000).toFixed(0)} s); ${SCANS} signed HTTP scans, ${refused} repeats refused`;
    const rows: BenchRow[] = [
      { area: 'store server', name: 'scan → verdict median', value: median, unit: 'ms', note },
      {
        area: 'store server',
        name: 'scan → verdict p99',
        value: p99,
        unit: 'ms',
        note,
        target: { op: '≤', limit: 16 },
      },
    ];
    for (const counters of [1, 2, 4]) {
      const clients = COUNTER_IDS.slice(0, counters).map(client);
      const { reservations, sales } = await throughput(clients, () => n++);
      const per = `${counters} counter${counters > 1 ? 's' : ''}, ${SECONDS_PER_RUN} s, each one scan at a time`;
      rows.push(
        {
          area: 'store server',
          name: `reservations/s, ${counters} counter(s)`,
          value: reservations,
          unit: '/s',
          note: per,
        },
        {
          area: 'store server',
          name: `sales/s (2 packs each), ${counters} counter(s)`,
          value: sales,
          unit: '/s',
          note: per,
        },
      );
    }
    for (const counters of [1, 2, 4]) {
      const clients = COUNTER_IDS.slice(0, counters).map(client);
      rows.push({
        area: 'store server',
        name: `insured sales/s at the store, ${counters} counter(s)`,
        value: await insuredSales(clients, () => n++),
        unit: '/s',
        note: `${counters} counter(s), ${SECONDS_PER_RUN} s: claim the prescription, reserve 2 packs, confirm, record the settlement (5 signed calls, 3 durable commits)`,
      });
    }
    await server.close();
    return rows;
  } finally {
    await pool.end();
    cluster.stop();
  }
}

/** 10 million live sales in one INSERT … SELECT generate_series; the unique index built after. */
async function fillSoldCodes(pool: ReturnType<typeof createPool>, n: number): Promise<number> {
  const t = performance.now();
  await pool.query('DROP INDEX code_sales_live');
  await pool.query(
    `INSERT INTO code_sales (code, med_list_codg, counter_id, sale_ref, sold_at)
     SELECT $1 || lpad((i * 7)::text, 13, '0'), $2, 'A', 'bench-' || (i / 4), now()
     FROM generate_series(0, $3 - 1) AS i`,
    [PRODUCT_ID, MED, n],
  );
  await pool.query(
    'CREATE UNIQUE INDEX code_sales_live ON code_sales (code) WHERE returned_at IS NULL',
  );
  await pool.query('ANALYZE code_sales');
  return performance.now() - t;
}

/** Each counter loops: scan two fresh packs (reserve each), complete (confirm both). */
async function throughput(clients: StoreClient[], next: () => number) {
  let reservations = 0;
  let sales = 0;
  const until = performance.now() + SECONDS_PER_RUN * 1000;
  await Promise.all(
    clients.map(async (c) => {
      while (performance.now() < until) {
        const ref = `tp-${c.counterId}-${next()}`;
        const codes = [0, 1].map(() => `9${PRODUCT_ID}${String(next()).padStart(12, '0')}`);
        for (const code of codes) {
          const r = await c.call('codes.reserve', {
            idempotencyKey: `${ref}-r-${code}`,
            code,
            medListCodg: MED,
            saleRef: ref,
            reusePack: false,
          });
          if (r.verdict === 'reserved') reservations++;
        }
        const done = await c.call('codes.confirm', {
          idempotencyKey: `${ref}-c`,
          saleRef: ref,
          lines: codes.map((code) => ({
            code,
            medListCodg: MED,
            unitsPerPack: null,
            unitsLeft: null,
            reusedUnits: null,
          })),
        });
        if (done.verdict === 'confirmed') sales++;
      }
    }),
  );
  return { reservations: reservations / SECONDS_PER_RUN, sales: sales / SECONDS_PER_RUN };
}

/** Each counter loops over the store's whole part of an insured sale, one call at a time. */
async function insuredSales(clients: StoreClient[], next: () => number): Promise<number> {
  let sales = 0;
  const until = performance.now() + SECONDS_PER_RUN * 1000;
  await Promise.all(
    clients.map(async (c) => {
      while (performance.now() < until) {
        const i = next();
        const ref = `rx-${c.counterId}-${i}`;
        const hiRxno = `H500103${String(i).padStart(18, '0')}`;
        const claim = await c.call('rx.claim', { idempotencyKey: `${ref}-claim`, hiRxno });
        if (claim.verdict !== 'claimed') continue;
        const codes = [0, 1].map(() => `8${PRODUCT_ID}${String(next()).padStart(12, '0')}`);
        for (const code of codes) {
          await c.call('codes.reserve', {
            idempotencyKey: `${ref}-r-${code}`,
            code,
            medListCodg: MED,
            saleRef: ref,
            reusePack: false,
          });
        }
        const done = await c.call('codes.confirm', {
          idempotencyKey: `${ref}-c`,
          saleRef: ref,
          lines: codes.map((code) => ({
            code,
            medListCodg: MED,
            unitsPerPack: null,
            unitsLeft: null,
            reusedUnits: null,
          })),
        });
        if (done.verdict !== 'confirmed') continue;
        await c.call('settlements.record', {
          idempotencyKey: `${ref}-s`,
          records: [
            {
              kind: 'settle',
              localId: i + 1,
              setlId: `S${i}`,
              hiRxno,
              medfeeFen: 3_000,
              fundFen: 2_100,
              acctFen: 0,
              cashFen: 900,
              at: Date.now(),
            },
          ],
        });
        sales++;
      }
    }),
  );
  return sales / SECONDS_PER_RUN;
}
