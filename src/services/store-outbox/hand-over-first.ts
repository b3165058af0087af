import type { StoreMethod } from '../../contract/store-protocol';
import type { StoreClient } from '../../store-link/store-client';
import type { OutboxHandOver } from './hand-over';

/**
 * Store calls after which another counter may act on the same subject (a returned pack sold
 * again, a released prescription dispensed elsewhere, a refund): this counter's center requests
 * about it must be at the store first, so the store's arrival order is the causal order of every
 * ordering key (D43, "Hand-over first").
 */
const AFTER_HAND_OVER: ReadonlySet<StoreMethod> = new Set([
  'codes.return',
  'stock.return',
  'rx.release',
  'settlements.record',
]);

/**
 * The counter's store link with hand-over first: those calls wait for a hand-over pass, and are
 * not made when it fails (the caller sees the store as unreachable and retries as it does today).
 */
export function handingOverFirst(link: StoreClient, handOver: OutboxHandOver): StoreClient {
  return {
    ...link,
    async call(method, input) {
      if (AFTER_HAND_OVER.has(method)) await handOver.handOverNow();
      return link.call(method, input);
    },
  };
}
