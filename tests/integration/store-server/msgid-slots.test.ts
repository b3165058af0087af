import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsiClient } from '../../../src/center/fsi-client';
import type { MsgidSpace } from '../../../src/center/msgid';
import { QUEUED_INFNOS } from '../../../src/center/transactions';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DeliverySignIns } from '../../../src/services/delivery-sign-in';
import { silentLogger } from '../../../src/services/logger';
import type { DeliveredHooks } from '../../../src/services/outbox-delivered-hooks';
import { enqueueTransaction } from '../../../src/services/outbox-enqueue';
import { msgidSpaceAtStart, recordedMsgidSlot } from '../../../src/services/store-msgid-slot';
import { createStoreOutbox } from '../../../src/services/store-outbox/store-outbox';
import { openDatabase } from '../../../src/store/database';
import { OutboxRepository } from '../../../src/store/outbox-repository';
import { createStoreClient } from '../../../src/store-link/store-client';
import { startStoreServer } from '../../../src/store-server/server';
import { startHarness } from '../../support/app-harness';
import { OPTER, type SandboxFixture, startFixture } from '../sandbox/helpers';
import { cuttableLink } from './helpers/cuttable-link';
import { postgresForThisFile } from './helpers/postgres';
import { COUNTERS, counter, INSTITUTION, startInProcessStore, storeConfig } from './helpers/store';
import { freePort } from './helpers/store-counters';

/**
 * Each counter of a store builds its center msgids in its own slot (issue 17, D51): assigned by
 * the store server once, kept across restarts of either side, at most ten per institution.
 */
const pg15 = postgresForThisFile();
let store: Awaited<ReturnType<typeof startInProcessStore>>;
let port = 0;
let center: SandboxFixture;
const dirs: string[] = [];

beforeAll(async () => {
  port = await freePort();
  store = await startInProcessStore(pg15.url(), port);
  center = await startFixture(5_000);
}, 120_000);
afterAll(async () => {
  await store?.stop();
  await center?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const dataDir = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'epc-msgid-slot-'));
  dirs.push(d);
  return d;
};
const slotOf = async (id: string) =>
  (await counter(store.server.url, id).call('store.status', {})).msgidSlot;

describe('msgid slots of the counters of one store', () => {
  it('two counters get distinct slots, the same ones again after the store server restarts [R-SETTLE][R-SALES-UP]', async () => {
    const a = await slotOf('A');
    const b = await slotOf('B');
    expect(a).not.toBe(b);
    for (const s of [a, b]) expect(s >= 0 && s <= 9).toBe(true);
    expect(await slotOf('A')).toBe(a);

    await store.stop();
    store = await startInProcessStore(pg15.url(), port);
    expect(await slotOf('B')).toBe(b);
    expect(await slotOf('A')).toBe(a);
    // the database keeps a slot with its counter: no change, no delete
    await expect(
      store.pool.query("UPDATE counters SET msgid_slot = 9 WHERE counter_id = 'A'"),
    ).rejects.toThrow(/不得更改/);
    await expect(store.pool.query("DELETE FROM counters WHERE counter_id = 'B'")).rejects.toThrow(
      /不得删除/,
    );
  });

  it('an 11th counter of the institution is refused in Chinese; the ten keep distinct slots [R-SETTLE][R-AUTH]', async () => {
    const eleven = new Map(COUNTERS);
    for (const id of ['E', 'F', 'G', 'H', 'I', 'J', 'K']) {
      eleven.set(id, id.repeat(20) + randomBytes(16).toString('hex'));
    }
    const big = await startStoreServer(store.pool, {
      ...storeConfig(pg15.url()),
      counters: eleven,
    });
    try {
      const ask = (id: string) =>
        createStoreClient({
          url: big.url,
          institution: INSTITUTION,
          counterId: id,
          secret: eleven.get(id) ?? '',
        }).call('store.status', {});
      const slots: number[] = [];
      for (const id of [...eleven.keys()].slice(0, 10)) slots.push((await ask(id)).msgidSlot);
      expect(new Set(slots).size).toBe(10);
      await expect(ask('K')).rejects.toMatchObject({
        body: {
          code: 'MSGID_SLOTS_FULL',
          message: expect.stringMatching(/至多 10 个柜台共用医保中心的报文编号/),
        },
      });
      const k = await store.pool.query("SELECT msgid_slot FROM counters WHERE counter_id = 'K'");
      expect(k.rows[0]?.msgid_slot).toBeNull();
    } finally {
      await big.close();
    }
  });

  it('a counter restarted while its store server is down keeps its slot; one that never learnt it makes no center call [R-SETTLE][R-SALES-UP]', async () => {
    const dir = dataDir();
    const config = { dataDir: dir, pharmacy: { code: INSTITUTION, name: '', admdvs: '' } };
    const first = await msgidSpaceAtStart(config, counter(store.server.url, 'C'), silentLogger);
    expect(first).toEqual({ kind: 'slot', slot: await slotOf('C') });
    expect(recordedMsgidSlot(dir, INSTITUTION, 'C')).toBe(await slotOf('C'));

    const deadUrl = `http://127.0.0.1:${await freePort()}`;
    const offline = await msgidSpaceAtStart(config, counter(deadUrl, 'C', 300), silentLogger);
    expect(offline).toEqual(first);

    const never = await msgidSpaceAtStart(
      { ...config, dataDir: dataDir() },
      counter(deadUrl, 'D', 300),
      silentLogger,
    );
    expect(never.kind).toBe('unassigned');
    const fsi = new FsiClient(center.fsiConfig, { msgidSpace: never });
    const before = center.sandbox.db.prepare('SELECT count(*) AS n FROM processed_messages').get();
    await expect(
      fsi.call({ ...OPTER, infno: '9001', input: { signIn: { opter_no: 'x', mac: '', ip: '' } } }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/尚未从门店服务器取得报文编号段（门店服务器无法连接/),
      ruleId: 'R-SETTLE',
    });
    expect(center.sandbox.db.prepare('SELECT count(*) AS n FROM processed_messages').get()).toEqual(
      before,
    );
  });

  it('a counter app started in store mode while its store server has never answered refuses center calls, naming the cause [R-SETTLE][R-AUTH]', async () => {
    const deadUrl = `http://127.0.0.1:${await freePort()}`;
    const h = await startHarness({
      store: { mode: 'counter', url: deadUrl, counterId: 'D', secret: COUNTERS.get('D') ?? '' },
    });
    try {
      const login = await h.api<{ token: string }>('auth.login', {
        username: 'yaoshi',
        password: 'demo1234',
      });
      expect(login.ok, login.error?.message).toBe(true);
      const processed = () =>
        h.sandbox.db
          .prepare("SELECT count(*) AS n FROM processed_messages WHERE infno = '1101'")
          .get();
      const before = processed();
      const looked = await h.api(
        'patient.lookup',
        { certType: '01', certNo: DEMO_PATIENTS[0]?.ecToken ?? '' },
        login.value?.token,
      );
      expect(looked.error).toMatchObject({
        message: expect.stringContaining('尚未从门店服务器取得报文编号段'),
        ruleId: 'R-SETTLE',
      });
      expect(processed()).toEqual(before);
    } finally {
      await h.close();
    }
  });

  it("a counter without a slot never takes the deliverer's lease: it could not sign in to the center [R-SALES-UP][R-SETTLE]", async () => {
    const outbox = new OutboxRepository(openDatabase(':memory:'));
    const slotless = new FsiClient(center.fsiConfig, {
      msgidSpace: { kind: 'unassigned', reason: '门店服务器无法连接' },
    });
    const worker = createStoreOutbox({ outbox, link: counter(store.server.url, 'D') }).worker({
      fsi: slotless,
      signIns: new DeliverySignIns(slotless),
      hooks: {} as DeliveredHooks,
      onRefused: () => null,
      log: silentLogger,
      mayDeliver: false,
    });
    await worker.drainOnce();
    const lease = await store.pool.query('SELECT counter_id FROM outbox_deliverer');
    expect(lease.rows).toEqual([]);
  });

  it("two counters' center uploads built in the same second are all handed over and delivered once each [R-SALES-UP][R-SETTLE]", async () => {
    const signNo = await center.signIn();
    const sameSecond = new Date();
    const counterOfStore = async (id: 'A' | 'B') => {
      const space: MsgidSpace = { kind: 'slot', slot: await slotOf(id) };
      const fsi = new FsiClient(center.fsiConfig, { now: () => sameSecond, msgidSpace: space });
      const outbox = new OutboxRepository(openDatabase(':memory:'));
      const hookRuns: string[] = [];
      const hooks = Object.fromEntries(
        QUEUED_INFNOS.map((infno) => [infno, (i: { msgid: string }) => hookRuns.push(i.msgid)]),
      ) as unknown as DeliveredHooks;
      const storeOutbox = createStoreOutbox({ outbox, link: counter(store.server.url, id) });
      const worker = storeOutbox.worker({
        fsi: center.fsi,
        signIns: new DeliverySignIns(center.fsi),
        hooks,
        onRefused: () => null,
        log: silentLogger,
      });
      return { id, fsi, outbox, storeOutbox, worker, hookRuns };
    };
    const counters = [await counterOfStore('A'), await counterOfStore('B')];
    const stockChange = (fsi: FsiClient, batch: string) =>
      fsi.buildRequest({
        ...OPTER,
        infno: '3502',
        signNo,
        input: {
          invinfo: {
            med_list_codg: 'XJ01CAA040A001010100435',
            fixmedins_hilist_id: 'H-AMOX',
            fixmedins_hilist_name: '阿莫西林胶囊',
            fixmedins_bchno: batch,
            inv_chg_type: '101',
            pric: 9.8,
            cnt: 1,
            rx_flag: '1',
            inv_chg_time: '2026-12-01 10:00:00',
          },
        },
      });
    // A busy second at both counters: half of a slot's sequences each, then the uploads.
    const built = counters.map((c) =>
      Array.from({ length: 500 }, (_, i) => stockChange(c.fsi, `SLOT-${c.id}-${i}`)),
    );
    const [seenA, seenB] = built.map((reqs) => new Set(reqs.map((r) => r.msgid)));
    expect([...(seenA ?? [])].filter((m) => seenB?.has(m))).toEqual([]);
    const queued = counters.flatMap((c, n) =>
      (built[n] ?? [])
        .slice(-5)
        .map((r, i) => enqueueTransaction(c.outbox, r, { batchId: 9000 + n * 10 + i }).msgid),
    );
    for (const c of counters) await c.storeOutbox.handOver.handOverNow();
    const atStore = await store.pool.query<{ msgid: string }>(
      'SELECT msgid FROM center_outbox WHERE msgid = ANY ($1)',
      [queued],
    );
    expect(atStore.rows.map((r) => r.msgid).sort()).toEqual([...queued].sort());
    for (let round = 0; round < 60; round++) {
      for (const c of counters) await c.worker.drainOnce().catch(() => undefined);
      const open = counters.reduce(
        (n, c) => n + c.outbox.list({ status: ['pending', 'in_flight', 'parked'] }).length,
        0,
      );
      if (open === 0) break;
    }
    for (const c of counters) {
      const mine = c.outbox.list({});
      expect(mine.map((i) => i.status)).toEqual(Array(5).fill('delivered'));
      expect([...c.hookRuns].sort()).toEqual(mine.map((i) => i.msgid).sort());
    }
    const processed = center.sandbox.db
      .prepare(
        `SELECT count(*) AS n FROM processed_messages WHERE msgid IN (${queued.map(() => '?').join(',')})`,
      )
      .get(...queued) as { n: number };
    expect(processed.n).toBe(10);
  });

  it('a counter started while its store server is unreachable learns its slot once the store answers, without a restart: center calls then go out in that slot and it may deliver [R-SETTLE][R-SALES-UP]', async () => {
    const link = await cuttableLink(port, await freePort());
    await link.cut();
    const h = await startHarness({
      store: { mode: 'counter', url: link.url, counterId: 'D', secret: COUNTERS.get('D') ?? '' },
    });
    try {
      const login = await h.api<{ token: string }>('auth.login', {
        username: 'yaoshi',
        password: 'demo1234',
      });
      expect(login.ok, login.error?.message).toBe(true);
      const lookup = () =>
        h.api(
          'patient.lookup',
          { certType: '01', certNo: DEMO_PATIENTS[0]?.ecToken ?? '' },
          login.value?.token,
        );
      expect((await lookup()).error?.message).toContain('连通后本柜台会自动取得编号段');
      expect(await h.services.msgidSlot?.learnNow()).toBe(false);

      await link.restore();
      expect(await h.services.msgidSlot?.learnNow()).toBe(true);
      const slot = await slotOf('D');
      expect(recordedMsgidSlot(h.services.config.dataDir, INSTITUTION, 'D')).toBe(slot);
      const looked = await lookup();
      expect(looked.ok, looked.error?.message).toBe(true);
      const sent = h.sandbox.db
        .prepare("SELECT msgid FROM processed_messages WHERE infno = '1101' ORDER BY rowid DESC")
        .pluck()
        .get() as string;
      expect(Number(sent.slice(-4, -3))).toBe(slot);
      // Now it may take the deliverer's lease like any counter with a slot (another's expired).
      await store.pool.query(
        "UPDATE outbox_deliverer SET lease_until = now() - interval '1 minute'",
      );
      await h.services.worker.drainOnce();
      const lease = await store.pool.query('SELECT counter_id FROM outbox_deliverer');
      expect(lease.rows).toEqual([{ counter_id: 'D' }]);
    } finally {
      await h.close();
      await link.cut();
    }
  });
});
