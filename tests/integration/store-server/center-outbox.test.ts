import type { ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QUEUED_INFNOS } from '../../../src/center/transactions';
import { DeliverySignIns } from '../../../src/services/delivery-sign-in';
import { silentLogger } from '../../../src/services/logger';
import { redactedBody } from '../../../src/services/outbox-credentials';
import type { DeliveredHooks } from '../../../src/services/outbox-delivered-hooks';
import { enqueueTransaction } from '../../../src/services/outbox-enqueue';
import { createOutboxQueueService } from '../../../src/services/outbox-queue-service';
import {
  createStoreOutbox,
  type StoreOutbox,
} from '../../../src/services/store-outbox/store-outbox';
import { openDatabase } from '../../../src/store/database';
import { OutboxRepository } from '../../../src/store/outbox-repository';
import { createPool } from '../../../src/store-server/database';
import { OPTER, type SandboxFixture, startFixture } from '../sandbox/helpers';
import { postgresForThisFile } from './helpers/postgres';
import { counter, key, spawnStoreServer } from './helpers/store';
import { freePort } from './helpers/store-counters';

/**
 * The pharmacy's center outbox at the store server (issue 17, D43): counters hand their queued
 * center requests over, one elected counter delivers them to the real sandbox center in
 * ordering-key order across counters, under a fenced lease, exactly once per msgid also when the
 * store server is killed (SIGKILL) mid-drain; each origin counter marks its own rows delivered
 * and runs its hooks once.
 */
const pg15 = postgresForThisFile();
let pool: ReturnType<typeof createPool>;
let center: SandboxFixture;
let signNo = '';
let port = 0;
let child: ChildProcess | undefined;
let url = '';
let batchSerial = 0;

async function startStore(): Promise<void> {
  const s = await spawnStoreServer(pg15.url(), port);
  child = s.child;
  url = s.url;
}
function killStore(): Promise<void> {
  const c = child;
  child = undefined;
  if (!c || c.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    c.once('exit', () => resolve());
    c.kill('SIGKILL');
  });
}

beforeAll(async () => {
  pool = createPool(pg15.url(), 4);
  port = await freePort();
  await startStore();
  center = await startFixture(5_000);
  signNo = await center.signIn();
}, 120_000);
afterAll(async () => {
  await killStore();
  await pool?.end();
  await center?.close();
});
afterEach(async () => {
  // Each test's counters are new (their local ids start at 1 again): a fresh store outbox and an
  // idle lease. TRUNCATE, since the rows' own triggers keep every undelivered item.
  await pool.query('TRUNCATE center_outbox, outbox_deliverer');
});

/** A counter of the store: its own SQLite outbox, the store outbox, and its delivered hooks. */
function counterOfStore(id: 'A' | 'B') {
  const db = openDatabase(':memory:');
  const outbox = new OutboxRepository(db);
  const hookRuns: string[] = [];
  const hooks = Object.fromEntries(
    QUEUED_INFNOS.map((infno) => [infno, (item: { msgid: string }) => hookRuns.push(item.msgid)]),
  ) as unknown as DeliveredHooks;
  const started = () => {
    const store: StoreOutbox = createStoreOutbox({ outbox, link: counter(url, id) });
    const worker = store.worker({
      fsi: center.fsi,
      signIns: new DeliverySignIns(center.fsi),
      hooks,
      onRefused: () => null,
      log: silentLogger,
    });
    return { store, worker };
  };
  const { store, worker } = started();
  return {
    outbox,
    store,
    worker,
    hookRuns,
    /** The same counter after a restart: its SQLite kept, its in-memory cursors gone. */
    restarted: started,
    /** A stock change (3502) of one stock batch, queued as the counter's local change does. */
    queueStockChange(batchId: number, cnt: number) {
      const request = center.fsi.buildRequest({
        ...OPTER,
        infno: '3502',
        signNo,
        input: {
          invinfo: {
            med_list_codg: 'XJ01CAA040A001010100435',
            fixmedins_hilist_id: 'H-AMOX',
            fixmedins_hilist_name: '阿莫西林胶囊',
            fixmedins_bchno: `OUTBOX-${batchId}`,
            inv_chg_type: '101',
            pric: 9.8,
            cnt,
            rx_flag: '1',
            inv_chg_time: '2026-12-01 10:00:00',
          },
        },
      });
      return enqueueTransaction(outbox, request, { batchId });
    },
  };
}

/** The order in which the sandbox center first processed these msgids. */
function centerOrder(msgids: string[]): string[] {
  const rows = center.sandbox.db
    .prepare(
      `SELECT msgid FROM processed_messages WHERE msgid IN (${msgids.map(() => '?').join(',')})
       ORDER BY rowid`,
    )
    .all(...msgids) as Array<{ msgid: string }>;
  return rows.map((r) => r.msgid);
}

async function drainUntilDelivered(
  counters: Array<ReturnType<typeof counterOfStore>>,
  msgids: string[],
): Promise<void> {
  for (let round = 0; round < 60; round++) {
    for (const c of counters) await c.worker.drainOnce().catch(() => undefined);
    const open = await pool.query(
      `SELECT count(*)::int AS n FROM center_outbox WHERE msgid = ANY ($1) AND status <> 'delivered'`,
      [msgids],
    );
    const localOpen = counters.reduce(
      (n, c) => n + c.outbox.list({ status: ['pending', 'in_flight', 'parked'] }).length,
      0,
    );
    if (open.rows[0]?.n === 0 && localOpen === 0) return;
  }
  throw new Error('外发请求未在 60 轮内全部送达');
}

describe('the center outbox at the store server', () => {
  it('two counters hand over interleaved items of one stock batch: the center receives them in key order, each origin marks its own delivered [R-SALES-UP][R-STOCK]', async () => {
    const a = counterOfStore('A');
    const b = counterOfStore('B');
    const batchId = 1000 + ++batchSerial;
    const handedOrder: string[] = [];
    for (let i = 0; i < 4; i++) {
      for (const c of [a, b]) {
        handedOrder.push(c.queueStockChange(batchId, i + 1).msgid);
        await c.store.handOver.handOverNow();
      }
    }
    // Items without a key too, so the deliverer's lanes run several sends at once.
    const free = [a, b].flatMap((c) =>
      Array.from({ length: 6 }, (_, i) => c.queueStockChange(5000 + batchSerial * 10 + i, 1)),
    );
    for (const c of [a, b]) await c.store.handOver.handOverNow();
    await drainUntilDelivered([a, b], [...handedOrder, ...free.map((f) => f.msgid)]);

    expect(centerOrder(handedOrder)).toEqual(handedOrder);
    const leases = await pool.query('SELECT counter_id FROM outbox_deliverer_events');
    expect(leases.rows.length).toBeGreaterThan(0);
    for (const c of [a, b]) {
      const mine = c.outbox.list({});
      expect(mine.every((i) => i.status === 'delivered' && i.response !== null)).toBe(true);
      expect([...c.hookRuns].sort()).toEqual(mine.map((i) => i.msgid).sort());
    }
  });

  it('the store server killed (SIGKILL) mid-drain and started again: every msgid reaches the center once, every hook runs once at its origin [R-SALES-UP][R-KEEP][STORE-CRASH]', async () => {
    const a = counterOfStore('A');
    const b = counterOfStore('B');
    const queued = [a, b].flatMap((c, n) =>
      Array.from({ length: 40 }, (_, i) =>
        c.queueStockChange(i % 3 === 0 ? 9000 + ++batchSerial : 7000 + n * 100 + (i % 5), 1),
      ),
    );
    const msgids = queued.map((q) => q.msgid);
    for (const c of [a, b]) await c.store.handOver.handOverNow();
    let killedMidDrain = false;
    for (let round = 0; round < 3; round++) {
      const draining = a.worker.drainOnce().catch(() => undefined);
      // Kill once the deliverer has claimed or delivered something, before it has finished.
      for (let wait = 0; wait < 400; wait++) {
        const r = await pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM center_outbox
           WHERE msgid = ANY ($1) AND status IN ('in_flight', 'delivered')`,
          [msgids],
        );
        if ((r.rows[0]?.n ?? 0) > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const before = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM center_outbox WHERE msgid = ANY ($1) AND status <> 'delivered'`,
        [msgids],
      );
      if ((before.rows[0]?.n ?? 0) > 0) killedMidDrain = true;
      await killStore();
      await draining;
      await startStore();
    }
    expect(killedMidDrain).toBe(true);
    // The deliverer of A is gone too: its lease runs out and B takes over.
    await pool.query(`UPDATE outbox_deliverer SET lease_until = now() - interval '1 second'`);
    await drainUntilDelivered([b, a], msgids);

    expect(centerOrder(msgids).sort()).toEqual([...msgids].sort());
    const results = center.sandbox.db
      .prepare(
        `SELECT count(*) AS n FROM processed_messages WHERE infcode = 0 AND msgid IN (${msgids.map(() => '?').join(',')})`,
      )
      .pluck()
      .get(...msgids);
    expect(results).toBe(msgids.length);
    const stored = await pool.query<{ n: number; outcomes: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT outcome_seq)::int AS outcomes FROM center_outbox
       WHERE msgid = ANY ($1) AND status = 'delivered'`,
      [msgids],
    );
    expect(stored.rows[0]).toEqual({ n: msgids.length, outcomes: msgids.length });
    const hookRuns = [...a.hookRuns, ...b.hookRuns].sort();
    expect(hookRuns).toEqual([...msgids].sort());
  }, 120_000);

  it("a deposed deliverer's late outcome write is refused; its successor delivers the item [R-SALES-UP][R-KEEP]", async () => {
    const a = counterOfStore('A');
    const item = a.queueStockChange(8000 + ++batchSerial, 1);
    await a.store.handOver.handOverNow();
    const linkA = counter(url, 'A');
    const linkB = counter(url, 'B');
    const leaseA = await linkA.call('outbox.lease', {});
    expect(leaseA.mine).toBe(true);
    const claimed = await linkA.call('outbox.claim', {
      fencing: leaseA.fencing,
      limit: 10,
    });
    const mine = claimed.items.find((i) => i.msgid === item.msgid);
    expect(mine).toBeDefined();
    // A pauses past its lease; B is elected with the next fencing token.
    await pool.query(`UPDATE outbox_deliverer SET lease_until = now() - interval '1 second'`);
    const leaseB = await linkB.call('outbox.lease', {});
    expect(leaseB).toMatchObject({ mine: true, holder: 'B', fencing: leaseA.fencing + 1 });
    expect((await linkA.call('outbox.lease', {})).mine, 'A cannot take a live lease back').toBe(
      false,
    );

    const late = await linkA.call('outbox.record', {
      idempotencyKey: key('record'),
      fencing: leaseA.fencing,
      outcomes: [{ kind: 'park', id: mine?.id ?? 0, error: '迟到的结果', centerMessage: null }],
    });
    expect(late).toEqual({ recorded: 0, refused: 1 });
    const row = await pool.query('SELECT status, last_error FROM center_outbox WHERE msgid = $1', [
      item.msgid,
    ]);
    expect(row.rows[0]).toEqual({ status: 'in_flight', last_error: null });
    expect(
      (
        await linkA.call('outbox.claim', {
          fencing: leaseA.fencing,
          limit: 10,
        })
      ).leaseHeld,
    ).toBe(false);

    const b = counterOfStore('B');
    await b.worker.drainOnce();
    await a.worker.drainOnce();
    expect(a.outbox.get(item.id)?.status).toBe('delivered');
    expect(a.hookRuns).toEqual([item.msgid]);
  });

  it('the store keeps an undelivered item (no delete), its request frozen until delivered, and drops one-time credentials once delivered [R-KEEP][R-AUTH]', async () => {
    const body = JSON.stringify({
      infno: '7206',
      msgid: `P50010300001${Date.now()}`.slice(0, 30),
      input: { rx_chk_up_info: { hi_rxno: 'RX-REDACT', ec_token: 'one-time-token-123' } },
    });
    const msgid = (JSON.parse(body) as { msgid: string }).msgid;
    const linkA = counter(url, 'A');
    await linkA.call('outbox.handOver', {
      idempotencyKey: key('handover'),
      items: [{ localId: 900_000 + ++batchSerial, msgid, infno: '7206', body, orderingKey: null }],
    });
    await expect(pool.query('DELETE FROM center_outbox WHERE msgid = $1', [msgid])).rejects.toThrow(
      /尚未送达的请求不可删除/,
    );
    await expect(
      pool.query(`UPDATE center_outbox SET body = '{}' WHERE msgid = $1`, [msgid]),
    ).rejects.toThrow(/已冻结/);

    const lease = await linkA.call('outbox.lease', {});
    const claimed = await linkA.call('outbox.claim', {
      fencing: lease.fencing,
      limit: 100,
    });
    const it7206 = claimed.items.find((i) => i.msgid === msgid);
    const redacted = redactedBody('7206', body);
    expect(redacted).not.toBeNull();
    await linkA.call('outbox.record', {
      idempotencyKey: key('record'),
      fencing: lease.fencing,
      outcomes: [
        {
          kind: 'delivered',
          id: it7206?.id ?? 0,
          response: '{"infcode":0}',
          redactedBody: redacted,
        },
      ],
    });
    const kept = await pool.query<{ body: string; credentials_redacted_at: Date | null }>(
      'SELECT body, credentials_redacted_at FROM center_outbox WHERE msgid = $1',
      [msgid],
    );
    expect(kept.rows[0]?.body).not.toContain('one-time-token-123');
    expect(kept.rows[0]?.body).toContain('sm3:');
    expect(kept.rows[0]?.credentials_redacted_at).not.toBeNull();
    await expect(
      pool.query(`UPDATE center_outbox SET body = '{}' WHERE msgid = $1`, [msgid]),
    ).rejects.toThrow(/已冻结/);
  });

  it('a return at the store waits for the hand-over of what this counter queued before it (hand-over first) [R-SALES-UP][R-TRACE-ONCE]', async () => {
    const a = counterOfStore('A');
    const item = a.queueStockChange(8000 + ++batchSerial, 1);
    await a.store.link.call('stock.return', {
      idempotencyKey: key('return'),
      saleRef: 'handover-first',
      codes: ['80000000000000000001'],
    });
    const atStore = await pool.query('SELECT status FROM center_outbox WHERE msgid = $1', [
      item.msgid,
    ]);
    expect(atStore.rows).toEqual([{ status: 'pending' }]);
  });

  it("the counter's outbox list says plainly that a handed item waits at the store server [R-SALES-UP]", async () => {
    const a = counterOfStore('A');
    const item = a.queueStockChange(8000 + ++batchSerial, 1);
    const queue = createOutboxQueueService({
      repo: a.outbox,
      worker: a.worker,
      store: { isHanded: a.store.handOver.isHanded, requeue: a.store.requeue },
    });
    expect(queue.view('undelivered').find((v) => v.id === item.id)?.statusLabel).toBe('等待发送');
    await a.store.handOver.handOverNow();
    expect(queue.view('undelivered').find((v) => v.id === item.id)?.statusLabel).toBe(
      '已交门店服务器，等待送达',
    );
    await drainUntilDelivered([a], [item.msgid]);
    expect(queue.view('undelivered').find((v) => v.id === item.id)).toBeUndefined();
  });

  it("a refusal parks the item at its origin with the center's words; a restarted counter re-reading outcomes runs no hook twice [R-SALES-UP][R-KEEP]", async () => {
    const a = counterOfStore('A');
    const refused = a.queueStockChange(8000 + ++batchSerial, 1);
    expect((await center.fault({ target: '3502', kind: 'bizfail', times: 1 })).status).toBe(201);
    try {
      await a.worker.drainOnce();
    } finally {
      await center.clearFaults();
    }
    const parked = a.outbox.get(refused.id);
    expect(parked?.status).toBe('parked');
    expect(parked?.lastError).toContain('医保中心');
    const delivered = a.queueStockChange(8000 + ++batchSerial, 1);
    await a.worker.drainOnce();
    expect(a.outbox.get(delivered.id)?.status).toBe('delivered');
    expect(a.hookRuns).toEqual([delivered.msgid]);

    // After a restart the counter reads outcomes again from its oldest open item (the parked one).
    await a.restarted().worker.drainOnce();
    expect(a.hookRuns).toEqual([delivered.msgid]);
    expect(a.outbox.get(refused.id)?.status).toBe('parked');
  });

  it('重新发送 of an item parked at the store sends it again from the store, and its origin marks it delivered [R-SALES-UP][R-KEEP]', async () => {
    const a = counterOfStore('A');
    const item = a.queueStockChange(8000 + ++batchSerial, 1);
    expect((await center.fault({ target: '3502', kind: 'bizfail', times: 1 })).status).toBe(201);
    try {
      await a.worker.drainOnce();
    } finally {
      await center.clearFaults();
    }
    expect(a.outbox.get(item.id)?.status).toBe('parked');
    const queue = createOutboxQueueService({
      repo: a.outbox,
      worker: a.worker,
      store: { isHanded: a.store.handOver.isHanded, requeue: a.store.requeue },
    });
    const pharmacist = { staff: { role: 'pharmacist' } } as Parameters<typeof queue.requeue>[0];
    await queue.requeue(pharmacist, item.id);
    const atStore = await pool.query('SELECT status FROM center_outbox WHERE msgid = $1', [
      item.msgid,
    ]);
    expect(atStore.rows).toEqual([{ status: 'pending' }]);
    await a.worker.drainOnce();
    expect(a.outbox.get(item.id)?.status).toBe('delivered');
    expect(a.hookRuns).toEqual([item.msgid]);
  });
});
