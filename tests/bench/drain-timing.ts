import type { FsiClient } from '../../src/center/fsi-client';
import { fsiOutboxSender } from '../../src/services/outbox-delivery';
import { createOutboxWorker, type OutboxWorker } from '../../src/services/outbox-worker';
import type { OutboxRepository } from '../../src/store/outbox-repository';

/** Where a drain's time goes, summed over the drain (ms). */
export interface DrainTiming {
  /** claimDue: finding due items and marking them in flight (one commit per batch). */
  claim: number;
  /** Storing the outcomes (markDelivered/markRetry/markParked and their commits). */
  store: number;
  /** Round trips to the center, summed over items (they overlap: several lanes at once). */
  roundTrips: number;
}

const STORING = new Set(['inOneCommit', 'markDelivered', 'markRetry', 'markParked']);

/**
 * An outbox worker over the real repository and sender, as the app builds it, that also sums the
 * time spent in each part. Calls nested inside an outer timed call are not counted twice.
 */
export function timedDrainWorker(
  repo: OutboxRepository,
  fsi: FsiClient,
): { worker: OutboxWorker; timing: DrainTiming } {
  const timing: DrainTiming = { claim: 0, store: 0, roundTrips: 0 };
  let depth = 0;
  const timedRepo = new Proxy(repo, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      const part = prop === 'claimDue' ? 'claim' : STORING.has(String(prop)) ? 'store' : null;
      if (!part) return value.bind(target);
      return (...args: unknown[]) => {
        const started = performance.now();
        depth += 1;
        try {
          return value.apply(target, args);
        } finally {
          depth -= 1;
          if (depth === 0) timing[part] += performance.now() - started;
        }
      };
    },
  });
  const send = fsiOutboxSender(fsi);
  const worker = createOutboxWorker({
    repo: timedRepo,
    send: async (item) => {
      const started = performance.now();
      try {
        return await send(item);
      } finally {
        timing.roundTrips += performance.now() - started;
      }
    },
  });
  return { worker, timing };
}
