import { randomUUID } from 'node:crypto';
import type { OutboxOutcomeInput } from '../../contract/store-protocol-outbox';
import type { ClaimedOutboxItem } from '../../contract/types-store-outbox';
import type { OutboxItem } from '../../store/outbox-repository';
import type { StoreClient } from '../../store-link/store-client';
import { redactedBody } from '../outbox-credentials';
import type { RefusedHook } from '../outbox-delivery';
import {
  type Backoff,
  backoffDelay,
  DEFAULT_BACKOFF,
  type DeliveryOutcome,
} from '../outbox-worker';

/** The lease lasts 15 s at the store; its holder renews it every 5 s (D43). */
export const LEASE_RENEW_MS = 5_000;
const CLAIM_BATCH = 50;
const LANES = 4;
const MAX_ROUNDS = 20;

export interface DelivererDrain {
  /** false when this counter does not hold the lease (another counter delivers) */
  holder: boolean;
  delivered: number;
  retried: number;
  parked: number;
  /** outcomes the store refused: the lease was lost meanwhile */
  refused: number;
}

/**
 * This counter as a candidate for the pharmacy's one deliverer (D43): it takes the store's lease
 * when it has run out and renews it while it runs; holding it, it claims the store's due items
 * (key order across counters), sends each frozen request with its own center client and
 * sign-in, and writes the outcomes under its fencing token, which the store refuses once
 * another counter has taken the lease.
 */
export function createStoreDeliverer(deps: {
  link: StoreClient;
  /**
   * The center sender (fsiOutboxSender) built with a refusal hook: the deliverer keeps the
   * center's words of a refusal for the origin counter, whose own hooks explain and record it.
   */
  sender: (onRefused: RefusedHook) => (item: OutboxItem) => Promise<DeliveryOutcome>;
  now?: () => number;
  backoff?: Backoff;
  random?: () => number;
}) {
  const now = deps.now ?? Date.now;
  const backoff = deps.backoff ?? DEFAULT_BACKOFF;
  let fencing: number | null = null;
  let leaseUntil = 0;
  /** The center's words of each refusal of this drain, by store item id. */
  const centerWords = new Map<number, string>();
  const send = deps.sender((item, errMsg) => {
    centerWords.set(item.id, errMsg);
    return null;
  });

  const key = (what: string) => `${what}-${deps.link.counterId}-${randomUUID()}`;

  /** Takes or renews the lease; the token this counter writes under, or null. */
  async function lease(): Promise<number | null> {
    const answer = await deps.link.call('outbox.lease', {});
    fencing = answer.mine ? answer.fencing : null;
    leaseUntil = answer.mine ? answer.leaseUntil : 0;
    return fencing;
  }

  async function outcomeOf(item: ClaimedOutboxItem): Promise<OutboxOutcomeInput> {
    let outcome: DeliveryOutcome;
    try {
      outcome = await send(asOutboxItem(item));
    } catch (err) {
      outcome = { kind: 'retry', error: String(err) };
    }
    if (outcome.kind === 'delivered') {
      return {
        kind: 'delivered',
        id: item.id,
        response: JSON.stringify(outcome.response ?? null),
        redactedBody: redactedBody(item.infno, item.body),
      };
    }
    if (outcome.kind === 'park') {
      const said = centerWords.get(item.id) ?? null;
      centerWords.delete(item.id);
      return { kind: 'park', id: item.id, error: bound(outcome.error), centerMessage: said };
    }
    return {
      kind: 'retry',
      id: item.id,
      error: bound(outcome.error),
      nextAttemptAt: now() + backoffDelay(item.attempts, backoff, deps.random),
    };
  }

  /** Delivers what is due while this counter holds the lease. */
  async function drain(): Promise<DelivererDrain> {
    const tally: DelivererDrain = {
      holder: false,
      delivered: 0,
      retried: 0,
      parked: 0,
      refused: 0,
    };
    const token = fencing !== null && leaseUntil > now() ? fencing : await lease();
    if (token === null) return tally;
    tally.holder = true;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const claimed = await deps.link.call('outbox.claim', {
        fencing: token,
        limit: CLAIM_BATCH,
      });
      if (!claimed.leaseHeld) {
        fencing = null;
        return tally;
      }
      if (claimed.items.length === 0) return tally;
      const outcomes = await inLanes(claimed.items, outcomeOf);
      const written = await deps.link.call('outbox.record', {
        idempotencyKey: key('record'),
        fencing: token,
        outcomes,
      });
      tally.refused += written.refused;
      for (const o of outcomes) {
        if (o.kind === 'delivered') tally.delivered += 1;
        else if (o.kind === 'park') tally.parked += 1;
        else tally.retried += 1;
      }
      if (written.refused > 0) {
        fencing = null;
        return tally;
      }
      const progressed = outcomes.some((o) => o.kind === 'delivered');
      if (claimed.items.length < CLAIM_BATCH && !progressed) return tally;
    }
    return tally;
  }

  return {
    drain,
    /** Renews the lease (every LEASE_RENEW_MS while the counter runs). */
    renew: () => lease(),
    /** The token this counter holds, as far as it knows. */
    fencing: () => (fencing !== null && leaseUntil > now() ? fencing : null),
  };
}

export type StoreDeliverer = ReturnType<typeof createStoreDeliverer>;

/** The claimed item in the shape the center sender reads (fsiOutboxSender). */
function asOutboxItem(item: ClaimedOutboxItem): OutboxItem {
  return {
    id: item.id,
    msgid: item.msgid,
    channel: 'fsi',
    infno: item.infno,
    body: item.body,
    orderingKey: item.orderingKey,
    status: 'in_flight',
    attempts: item.attempts,
    nextAttemptAt: 0,
    lastError: null,
    response: null,
    createdAt: 0,
    updatedAt: 0,
    deliveredAt: null,
  };
}

async function inLanes<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(LANES, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i] as T);
      }
    }),
  );
  return results;
}

function bound(error: string): string {
  const text = error || '未说明原因';
  return text.length > 2_000 ? `${text.slice(0, 1_999)}…` : text;
}
