import type { OutboxWorker } from '../outbox-worker';
import type { OutboxHandOver } from './hand-over';
import type { createOutcomePuller } from './outcome-pull';
import { LEASE_RENEW_MS, type StoreDeliverer } from './store-deliverer';

const DEFAULT_INTERVAL_MS = 5_000;

/**
 * The outbox of a counter of a store (D43), in place of the local worker: each round hands the
 * pending items over, delivers the store's due items while this counter holds the deliverer's
 * lease, and brings the outcomes of its own items home. A counter never sends an item it handed
 * over; while the store server is unreachable its items wait here, and so do dispensing and sales.
 */
export function createStoreOutboxWorker(deps: {
  handOver: OutboxHandOver;
  /** null: this counter never delivers (it has no msgid slot for its own 9001, D51). */
  deliverer: StoreDeliverer | null;
  /** Asked each round: false while this counter has no msgid slot yet (it may learn it, D57). */
  mayDeliver?: () => boolean;
  outcomes: ReturnType<typeof createOutcomePuller>;
  onChange?: () => void;
  onError?: (err: unknown) => void;
}): OutboxWorker {
  let roundTimer: NodeJS.Timeout | null = null;
  let leaseTimer: NodeJS.Timeout | null = null;
  let running = false;
  let queue: Promise<unknown> = Promise.resolve();

  /** Each step runs whether the one before it reached the store or not, as far as it can. */
  async function step<T>(work: () => Promise<T>): Promise<T | null> {
    try {
      return await work();
    } catch (err) {
      deps.onError?.(err);
      return null;
    }
  }

  const delivering = () => ((deps.mayDeliver?.() ?? true) ? deps.deliverer : null);

  /**
   * Like the local worker's drain, a round never rejects: an unreachable store server leaves the
   * items waiting here (reported through onError), as an unreachable center leaves them queued.
   */
  async function round() {
    await step(() => deps.handOver.handOverNow());
    const deliverer = delivering();
    const sent = deliverer ? await step(() => deliverer.drain()) : null;
    const home = (await step(() => deps.outcomes.pull())) ?? { delivered: 0, parked: 0 };
    if (home.delivered + home.parked > 0) deps.onChange?.();
    return { delivered: home.delivered, retried: sent?.retried ?? 0, parked: home.parked };
  }

  function drainOnce() {
    const run = queue.then(round);
    queue = run.catch(() => undefined);
    return run;
  }

  function tick(intervalMs: number) {
    if (!running) return;
    drainOnce()
      .catch((err: unknown) => deps.onError?.(err))
      .finally(() => {
        if (!running) return;
        roundTimer = setTimeout(() => tick(intervalMs), intervalMs);
        roundTimer.unref?.();
      });
  }

  return {
    start(intervalMs = DEFAULT_INTERVAL_MS) {
      if (running) return;
      running = true;
      if (deps.deliverer) {
        leaseTimer = setInterval(() => {
          delivering()
            ?.renew()
            .catch((err: unknown) => deps.onError?.(err));
        }, LEASE_RENEW_MS);
        leaseTimer.unref?.();
      }
      tick(intervalMs);
    },
    async stop() {
      running = false;
      if (roundTimer) clearTimeout(roundTimer);
      if (leaseTimer) clearInterval(leaseTimer);
      roundTimer = null;
      leaseTimer = null;
      await queue;
    },
    drainOnce,
    sendNow: drainOnce,
    circuit: () => ({ state: 'closed', consecutiveFailures: 0, retryAt: null }),
  };
}
