import { beforeEach, describe, expect, it } from 'vitest';
import { createOutboxWorker, type DeliveryOutcome } from '../../../src/services/outbox-worker';
import { openDatabase } from '../../../src/store/database';
import { type OutboxItem, OutboxRepository } from '../../../src/store/outbox-repository';

const CIRCUIT = { threshold: 3, cooldownMs: 10_000, maxCooldownMs: 40_000 };

describe('circuit breaker of the outbox worker', () => {
  let clock: number;
  let repo: OutboxRepository;
  let sent: number;
  let centerUp: boolean;

  beforeEach(() => {
    clock = 1_700_000_000_000;
    repo = new OutboxRepository(openDatabase(':memory:'), () => clock);
    sent = 0;
    centerUp = false;
    for (let i = 0; i < 10; i += 1) {
      const msgid = `H50010300001220250101080000${String(i).padStart(4, '0')}`;
      repo.enqueue({
        msgid,
        channel: 'fsi',
        infno: '3505',
        body: JSON.stringify({ msgid }),
        orderingKey: null,
      });
    }
  });

  const worker = () =>
    createOutboxWorker({
      repo,
      now: () => clock,
      backoff: { baseMs: 1, maxMs: 1, jitter: 0 },
      batchSize: 10,
      concurrency: 1,
      circuit: CIRCUIT,
      send: async (_item: OutboxItem): Promise<DeliveryOutcome> => {
        sent += 1;
        return centerUp
          ? { kind: 'delivered', response: { infcode: 0 } }
          : { kind: 'retry', error: 'timeout: 医保中心无响应' };
      },
    });

  it('opens after repeated failures, sends nothing during the cooldown, then one probe at a time [ARCH][R-SALES-UP]', async () => {
    const w = worker();
    await w.drainOnce();
    expect(w.circuit()).toMatchObject({ state: 'open', consecutiveFailures: 10 });
    const afterTrip = sent;

    clock += 5_000;
    await w.drainOnce();
    expect(sent).toBe(afterTrip);

    clock += 5_000;
    await w.drainOnce();
    expect(sent).toBe(afterTrip + 1);
    expect(w.circuit().state).toBe('open');
    expect(w.circuit().retryAt).toBe(clock + 20_000);
  });

  it('closes on the first answer and drains everything; nothing was dropped while open [ARCH][R-SALES-UP]', async () => {
    const w = worker();
    await w.drainOnce();
    clock += 10_000;
    centerUp = true;
    const r = await w.drainOnce();
    expect(w.circuit().state).toBe('closed');
    expect(r.delivered).toBe(10);
    expect(repo.status(clock)).toMatchObject({ pending: 0, parked: 0, delivered: 10 });
  });

  it('"send now" probes at once instead of waiting out the cooldown [ARCH]', async () => {
    const w = worker();
    await w.drainOnce();
    centerUp = true;
    const r = await w.sendNow();
    expect(r.delivered).toBe(10);
    expect(w.circuit().state).toBe('closed');
  });
});
