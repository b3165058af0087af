import { afterEach, describe, expect, it } from 'vitest';
import {
  adaptiveLanes,
  createOutboxWorker,
  type DeliveryOutcome,
} from '../../../src/services/outbox-worker';
import { openDatabase } from '../../../src/store/database';
import { type OutboxItem, OutboxRepository } from '../../../src/store/outbox-repository';
import { tempDir } from '../store/temp-dir';

let seq = 0;
function enqueue(repo: OutboxRepository): OutboxItem {
  seq += 1;
  const msgid = `H50010300001220250101090000${String(seq).padStart(4, '0')}`;
  return repo.enqueue({ msgid, channel: 'fsi', infno: '3505', body: JSON.stringify({ msgid }) });
}

const tick = () => new Promise((resume) => setImmediate(resume));

describe('outbox drain: commits per batch, lanes that follow the center', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });

  /** The counter's file database and a second connection that sees only what was committed. */
  function fileDatabase() {
    const t = tempDir('epc-outbox-batch-');
    const db = openDatabase(t.file('counter.db'));
    const reader = openDatabase(t.file('counter.db'));
    cleanups.push(() => {
      reader.close();
      db.close();
      t.cleanup();
    });
    const committedDelivered = () =>
      reader.prepare("SELECT count(*) FROM outbox WHERE status = 'delivered'").pluck().get();
    return { repo: new OutboxRepository(db), committedDelivered };
  }

  it('commits the outcomes of a batch together once the batch is answered, not one commit per item [ARCH][R-SALES-UP][issue 20 drain]', async () => {
    const { repo, committedDelivered } = fileDatabase();
    const items = Array.from({ length: 6 }, () => enqueue(repo));
    const seenCommitted: unknown[] = [];
    const w = createOutboxWorker({
      repo,
      batchSize: 6,
      concurrency: 1,
      send: async (item) => {
        await tick();
        seenCommitted.push(committedDelivered());
        return { kind: 'delivered', response: { infcode: 0, n: item.id } };
      },
    });
    expect(await w.drainOnce()).toEqual({ delivered: 6, retried: 0, parked: 0 });
    // While the batch was being answered nothing of it was committed as delivered…
    expect(seenCommitted).toEqual([0, 0, 0, 0, 0, 0]);
    // …and afterwards all of it is, each with its own reply.
    expect(committedDelivered()).toBe(6);
    for (const item of items) {
      expect(repo.get(item.id)).toMatchObject({
        status: 'delivered',
        response: JSON.stringify({ infcode: 0, n: item.id }),
      });
    }
  });

  it('runs a delivered hook only after the batch is committed, once per item [ARCH][R-SALES-UP][issue 20 drain]', async () => {
    const { repo, committedDelivered } = fileDatabase();
    for (let i = 0; i < 3; i++) enqueue(repo);
    const committedAtHook: unknown[] = [];
    const w = createOutboxWorker({
      repo,
      batchSize: 3,
      send: async () => ({ kind: 'delivered', response: {} }),
      onDelivered: { '3505': () => committedAtHook.push(committedDelivered()) },
    });
    await w.drainOnce();
    expect(committedAtHook).toEqual([3, 3, 3]);
  });

  it('widens by one lane after a fully answered batch and halves after a batch with a retry, within 1…max [ARCH][issue 20 drain]', () => {
    const lanes = adaptiveLanes(6);
    expect(lanes.width()).toBe(4);
    lanes.after(false);
    lanes.after(false);
    lanes.after(false);
    expect(lanes.width()).toBe(6);
    lanes.after(true);
    expect(lanes.width()).toBe(3);
    lanes.after(true);
    lanes.after(true);
    lanes.after(true);
    expect(lanes.width()).toBe(1);
  });

  it('sends with more lanes while the center answers and fewer once it fails [ARCH][issue 20 drain]', async () => {
    const repo = new OutboxRepository(openDatabase(':memory:'));
    for (let i = 0; i < 40; i++) enqueue(repo);
    let active = 0;
    const peaks: number[] = [];
    let failing = false;
    const w = createOutboxWorker({
      repo,
      batchSize: 8,
      concurrency: 8,
      circuit: { threshold: 1_000, cooldownMs: 1, maxCooldownMs: 1 },
      send: async (): Promise<DeliveryOutcome> => {
        active += 1;
        peaks.push(active);
        await tick();
        active -= 1;
        return failing
          ? { kind: 'retry', error: '医保中心系统错误' }
          : { kind: 'delivered', response: {} };
      },
    });
    expect((await w.drainOnce()).delivered).toBe(40);
    // Batches of 8 at 4, 5, 6, 7, 8 lanes.
    expect(peaks.slice(0, 8).every((p) => p <= 4)).toBe(true);
    expect(Math.max(...peaks)).toBe(8);
    for (let i = 0; i < 8; i++) enqueue(repo);
    failing = true;
    peaks.length = 0;
    expect((await w.drainOnce()).retried).toBe(8);
    expect(Math.max(...peaks)).toBe(8);
    for (let i = 0; i < 8; i++) enqueue(repo);
    peaks.length = 0;
    await w.drainOnce();
    expect(Math.max(...peaks)).toBe(4);
  });
  it('by default claims 50 at a time (two commits per 50 delivered) and widens to 16 lanes while the center answers [ARCH][R-SALES-UP][issue 20 drain]', async () => {
    const repo = new OutboxRepository(openDatabase(':memory:'));
    for (let i = 0; i < 700; i++) enqueue(repo);
    const claimed: number[] = [];
    let commits = 0;
    const counted = new Proxy(repo, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (prop === 'claimDue')
          return (now: number, limit: number) => {
            const items = target.claimDue(now, limit);
            if (items.length > 0) claimed.push(items.length);
            return items;
          };
        if (prop === 'inOneCommit')
          return <T>(work: () => T) => {
            commits += 1;
            return target.inOneCommit(work);
          };
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    let active = 0;
    let peak = 0;
    const w = createOutboxWorker({
      repo: counted,
      send: async (): Promise<DeliveryOutcome> => {
        active += 1;
        peak = Math.max(peak, active);
        await tick();
        active -= 1;
        return { kind: 'delivered', response: {} };
      },
    });
    expect((await w.drainOnce()).delivered).toBe(700);
    // Lanes start at 4 and widen by one per batch: the 13th batch reaches 16.
    expect(claimed).toEqual(Array.from({ length: 14 }, () => 50));
    expect(commits).toBe(14);
    expect(peak).toBe(16);
  });
});
