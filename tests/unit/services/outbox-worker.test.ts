import { beforeEach, describe, expect, it } from 'vitest';
import {
  type Backoff,
  backoffDelay,
  createOutboxWorker,
  type DeliveryOutcome,
} from '../../../src/services/outbox-worker';
import { openDatabase } from '../../../src/store/database';
import {
  type NewOutboxItem,
  type OutboxItem,
  OutboxRepository,
} from '../../../src/store/outbox-repository';

const BACKOFF: Backoff = { baseMs: 1_000, maxMs: 60_000, jitter: 0.25 };

let seq = 0;
function request(over: Partial<NewOutboxItem> = {}): NewOutboxItem {
  seq += 1;
  const msgid = `H50010300001220250101080000${String(seq).padStart(4, '0')}`;
  return {
    msgid,
    channel: 'fsi',
    infno: '3505',
    body: JSON.stringify({ msgid, seq }),
    orderingKey: null,
    ...over,
  };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('backoffDelay', () => {
  it('doubles per attempt up to the ceiling [ARCH][R-STOCK]', () => {
    const mid = () => 0.5; // no jitter
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((a) => backoffDelay(a, BACKOFF, mid))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000,
    ]);
    expect(backoffDelay(1_000, BACKOFF, mid)).toBe(60_000);
  });

  it('spreads each delay within ±jitter and never past the ceiling [ARCH]', () => {
    for (let attempts = 1; attempts <= 10; attempts += 1) {
      const plain = Math.min(60_000, 1_000 * 2 ** (attempts - 1));
      const low = backoffDelay(attempts, BACKOFF, () => 0);
      const high = backoffDelay(attempts, BACKOFF, () => 0.999_999);
      expect(low).toBe(Math.round(plain * 0.75));
      expect(high).toBe(Math.min(60_000, Math.round(plain * 1.25)));
      const samples = Array.from({ length: 200 }, () => backoffDelay(attempts, BACKOFF));
      for (const s of samples) {
        expect(s).toBeGreaterThanOrEqual(low);
        expect(s).toBeLessThanOrEqual(high);
      }
      if (plain * 1.25 <= 60_000) expect(new Set(samples).size).toBeGreaterThan(10);
    }
  });
});

describe('outbox worker', () => {
  let clock: number;
  let repo: OutboxRepository;
  beforeEach(() => {
    clock = 1_700_000_000_000;
    repo = new OutboxRepository(openDatabase(':memory:'), () => clock);
  });

  function worker(
    send: (item: OutboxItem) => Promise<DeliveryOutcome>,
    extra: { concurrency?: number; onChange?: () => void } = {},
  ) {
    return createOutboxWorker({
      repo,
      send,
      now: () => clock,
      backoff: BACKOFF,
      batchSize: 10,
      ...extra,
    });
  }

  it('retries with growing, jittered delays until the send succeeds, same msgid and body every time [ARCH][R-STOCK][R-SALES-UP]', async () => {
    const item = repo.enqueue(request());
    const seen: Array<{ msgid: string; body: string }> = [];
    const FAILS = 4;
    const w = worker(async (i) => {
      seen.push({ msgid: i.msgid, body: i.body });
      return seen.length <= FAILS
        ? { kind: 'retry', error: `医保中心系统错误 ${seen.length}` }
        : { kind: 'delivered', response: { infcode: 0 } };
    });

    const delays: number[] = [];
    for (let n = 1; n <= FAILS; n += 1) {
      expect(await w.drainOnce()).toEqual({ delivered: 0, retried: 1, parked: 0 });
      const after = repo.get(item.id);
      expect(after).toMatchObject({
        status: 'pending',
        attempts: n,
        lastError: `医保中心系统错误 ${n}`,
      });
      const delay = (after?.nextAttemptAt ?? 0) - clock;
      const plain = 1_000 * 2 ** (n - 1);
      expect(delay).toBeGreaterThanOrEqual(plain * 0.75);
      expect(delay).toBeLessThanOrEqual(plain * 1.25);
      delays.push(delay);
      // not due yet: nothing is sent
      clock += delay - 1;
      expect(await w.drainOnce()).toEqual({ delivered: 0, retried: 0, parked: 0 });
      clock += 1;
    }
    expect(delays[3]).toBeGreaterThan(delays[0] ?? Infinity);
    expect(await w.drainOnce()).toEqual({ delivered: 1, retried: 0, parked: 0 });
    expect(repo.get(item.id)).toMatchObject({
      status: 'delivered',
      attempts: FAILS + 1,
      response: '{"infcode":0}',
    });
    expect(seen).toHaveLength(FAILS + 1);
    expect(new Set(seen.map((s) => `${s.msgid}|${s.body}`)).size).toBe(1);
    expect(seen[0]).toEqual({ msgid: item.msgid, body: item.body });
  });

  it('counts a thrown exception as a retry and records why [ARCH][R-STOCK]', async () => {
    const item = repo.enqueue(request());
    const w = worker(async () => {
      throw new TypeError('fetch failed');
    });
    expect(await w.drainOnce()).toEqual({ delivered: 0, retried: 1, parked: 0 });
    expect(repo.get(item.id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'TypeError: fetch failed',
    });
    expect(repo.status(clock).lastError).toBe('TypeError: fetch failed');
  });

  it('keeps parked items, lists them, holds back only their key, and sends them again on request [ARCH][R-STOCK][R-SALES-UP]', async () => {
    const a1 = repo.enqueue(request({ orderingKey: 'sale:A' }));
    const a2 = repo.enqueue(request({ orderingKey: 'sale:A' }));
    const b1 = repo.enqueue(request({ orderingKey: 'sale:B' }));
    let refuse = true;
    const w = worker(async (i) =>
      i.id === a1.id && refuse
        ? { kind: 'park', error: '医保中心拒绝：药品目录编码不存在' }
        : { kind: 'delivered', response: {} },
    );
    expect(await w.drainOnce()).toEqual({ delivered: 1, retried: 0, parked: 1 });
    expect(repo.list({ status: 'parked' }).map((i) => [i.id, i.lastError])).toEqual([
      [a1.id, '医保中心拒绝：药品目录编码不存在'],
    ]);
    expect(repo.get(a2.id)?.status).toBe('pending');
    expect(repo.get(b1.id)?.status).toBe('delivered');
    clock += 24 * 3600_000;
    expect(await w.drainOnce()).toEqual({ delivered: 0, retried: 0, parked: 0 });
    expect(repo.status(clock)).toMatchObject({ pending: 1, parked: 1, delivered: 1 });

    refuse = false;
    repo.requeueParked(a1.id);
    expect(await w.drainOnce()).toEqual({ delivered: 2, retried: 0, parked: 0 });
    expect(repo.status(clock)).toMatchObject({ pending: 0, parked: 0, delivered: 3 });
  });

  it('delivers a chain of one key in enqueue order within one drain, even with concurrency [ARCH][R-SALES-UP]', async () => {
    const chain = [1, 2, 3, 4].map(() => repo.enqueue(request({ orderingKey: 'sale:7' })));
    const others = [1, 2, 3].map(() => repo.enqueue(request()));
    const order: number[] = [];
    const w = worker(
      async (i) => {
        await wait(i.orderingKey ? 5 : 1);
        order.push(i.id);
        return { kind: 'delivered', response: {} };
      },
      { concurrency: 4 },
    );
    expect(await w.drainOnce()).toEqual({ delivered: 7, retried: 0, parked: 0 });
    expect(order.filter((id) => chain.some((c) => c.id === id))).toEqual(chain.map((c) => c.id));
    expect(order).toEqual(expect.arrayContaining(others.map((o) => o.id)));
  });

  it('never runs more sends at once than its concurrency [ARCH]', async () => {
    for (let i = 0; i < 9; i += 1) repo.enqueue(request());
    let active = 0;
    let peak = 0;
    const w = worker(
      async () => {
        active += 1;
        peak = Math.max(peak, active);
        await wait(5);
        active -= 1;
        return { kind: 'delivered', response: {} };
      },
      { concurrency: 3 },
    );
    expect((await w.drainOnce()).delivered).toBe(9);
    expect(peak).toBe(3);
  });

  it('stop() waits for sends under way, so nothing is left in flight [ARCH]', async () => {
    const item = repo.enqueue(request());
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let sending = false;
    const w = worker(async () => {
      sending = true;
      await gate;
      return { kind: 'delivered', response: { infcode: 0 } };
    });
    w.start(60_000);
    await waitFor(() => sending);
    expect(repo.get(item.id)?.status).toBe('in_flight');

    let stopped = false;
    const stopping = w.stop().then(() => {
      stopped = true;
    });
    await wait(20);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(repo.get(item.id)?.status).toBe('delivered');
  });

  it('runs on its own once started, reports changes, and "send now" skips the backoff wait [ARCH][R-STOCK]', async () => {
    let changes = 0;
    let fail = true;
    const w = worker(
      async () =>
        fail ? { kind: 'retry', error: '网络中断' } : { kind: 'delivered', response: {} },
      {
        onChange: () => {
          changes += 1;
        },
      },
    );
    const item = repo.enqueue(request());
    w.start(10);
    await waitFor(() => repo.get(item.id)?.attempts === 1);
    expect(changes).toBe(1);
    // the retry is due in about a second of the fake clock, which is not moving
    await wait(50);
    expect(repo.get(item.id)?.attempts).toBe(1);
    fail = false;
    expect(await w.sendNow()).toEqual({ delivered: 1, retried: 0, parked: 0 });
    expect(changes).toBe(2);
    await w.stop();
    // after stop, the timer is gone: a new item stays pending until someone drains
    const later = repo.enqueue(request());
    await wait(50);
    expect(repo.get(later.id)?.status).toBe('pending');
    expect((await w.drainOnce()).delivered).toBe(1);
  });
});

async function waitFor(check: () => boolean, timeoutMs = 2_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await wait(5);
  }
}
