import type { OutboxItem, OutboxRepository } from '../store/outbox-repository';
import {
  type CircuitOptions,
  type CircuitView,
  createCircuitBreaker,
  DEFAULT_CIRCUIT,
} from './circuit-breaker';
import { redactDeliveredItem } from './outbox-credentials';

/** What the sender concluded about one attempt. */
export type DeliveryOutcome =
  | { kind: 'delivered'; response: unknown }
  | { kind: 'retry'; error: string }
  | { kind: 'park'; error: string };

export interface Backoff {
  /** Delay after the first failed attempt. */
  baseMs: number;
  /** Ceiling for any delay, jitter included. */
  maxMs: number;
  /** Spread as a fraction of the delay: 0.2 gives ±20 %. */
  jitter: number;
}

/** Runs once when the center confirmed an item, with the reply the repository stored. */
export type DeliveredHook = (item: OutboxItem, response: unknown) => void;

export interface OutboxWorkerOptions {
  repo: OutboxRepository;
  send: (item: OutboxItem) => Promise<DeliveryOutcome>;
  /**
   * By infno (outbox-delivered-hooks.ts); null where there is nothing more to record. A failing
   * hook is reported through onError; the item stays delivered.
   */
  onDelivered?: Readonly<Partial<Record<string, DeliveredHook | null>>>;
  now?: () => number;
  backoff?: Backoff;
  batchSize?: number;
  /** The most sends under way at once; the worker adapts below it (see adaptiveLanes). */
  concurrency?: number;
  /** Called after a drain that changed any item (for the status bar). */
  onChange?: () => void;
  /** A failure of the worker itself (e.g. the disk is full); the loop keeps running. */
  onError?: (err: unknown) => void;
  /** Source of jitter, [0, 1). */
  random?: () => number;
  /** Stops sending while the center keeps failing; see circuit-breaker.ts. */
  circuit?: CircuitOptions;
}

export interface DrainResult {
  delivered: number;
  retried: number;
  parked: number;
}

export interface OutboxWorker {
  /** Drains now and then every `intervalMs` until stopped. */
  start(intervalMs?: number): void;
  /** Stops the timer and waits for sends already under way; claimed items are finished, not abandoned. */
  stop(): Promise<void>;
  /** Delivers every item due now (following ordering-key chains), once. Works whether started or not. */
  drainOnce(): Promise<DrainResult>;
  /** A person pressed "send now": retries stop waiting out their backoff, then drain. */
  sendNow(): Promise<DrainResult>;
  /** Whether the center is being given a rest after repeated failures. */
  circuit(): CircuitView;
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 2_000, maxMs: 5 * 60_000, jitter: 0.2 };
const DEFAULT_INTERVAL_MS = 5_000;
/** Bounds one drain when a send keeps succeeding instantly while new work keeps arriving. */
const MAX_ROUNDS_PER_DRAIN = 100;

/**
 * Delay before the next try after `attempts` sends: base·2^(attempts−1), spread by ±jitter,
 * never above maxMs. Jitter keeps many counters that lost the network together from all
 * retrying in the same second when it comes back.
 */
export function backoffDelay(
  attempts: number,
  backoff: Backoff,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(attempts, 1) - 1, 30);
  const plain = Math.min(backoff.maxMs, backoff.baseMs * 2 ** exponent);
  const spread = 1 + backoff.jitter * (2 * random() - 1);
  return Math.max(0, Math.min(backoff.maxMs, Math.round(plain * spread)));
}

/**
 * Delivers the outbox. Each claimed item is sent with its frozen body and msgid; a thrown
 * exception counts as a retry, a "park" waits for a person, and nothing is ever dropped.
 */
export function createOutboxWorker(opts: OutboxWorkerOptions): OutboxWorker {
  const now = opts.now ?? Date.now;
  const backoff = opts.backoff ?? DEFAULT_BACKOFF;
  const batchSize = Math.max(1, opts.batchSize ?? DEFAULT_BATCH_SIZE);
  const lanes = adaptiveLanes(Math.max(1, opts.concurrency ?? DEFAULT_MAX_CONCURRENCY));
  const random = opts.random ?? Math.random;
  const breaker = createCircuitBreaker(opts.circuit ?? DEFAULT_CIRCUIT);

  let timer: NodeJS.Timeout | null = null;
  /** Bumped by start and stop, so a timer of an earlier start never reschedules itself. */
  let generation = 0;
  let running = false;
  let stopping = false;
  /** Drains are serialised: one at a time, in call order. */
  let queue: Promise<unknown> = Promise.resolve();

  async function send(item: OutboxItem): Promise<DeliveryOutcome> {
    let outcome: DeliveryOutcome;
    try {
      outcome = await opts.send(item);
    } catch (err) {
      outcome = { kind: 'retry', error: errorText(err) };
    }
    if (outcome.kind === 'retry') breaker.failed(now());
    else breaker.answered();
    return outcome;
  }

  /** Stores one outcome; true when this call is the one that marked the item delivered. */
  function record(item: OutboxItem, outcome: DeliveryOutcome, tally: DrainResult): boolean {
    if (outcome.kind === 'delivered') {
      tally.delivered += 1;
      const first = opts.repo.markDelivered(item.id, outcome.response);
      if (first) redactDeliveredItem(opts.repo, item);
      return first;
    }
    if (outcome.kind === 'park') {
      opts.repo.markParked(item.id, outcome.error);
      tally.parked += 1;
    } else {
      opts.repo.markRetry(
        item.id,
        outcome.error,
        now() + backoffDelay(item.attempts, backoff, random),
      );
      tally.retried += 1;
    }
    return false;
  }

  /** Sends a claimed batch, then stores every outcome in one commit and runs the hooks after it. */
  async function deliverBatch(items: OutboxItem[], width: number, tally: DrainResult) {
    const answered: Array<{ item: OutboxItem; outcome: DeliveryOutcome }> = [];
    await pool(items, width, async (item) => {
      answered.push({ item, outcome: await send(item) });
    });
    const retriedBefore = tally.retried;
    const firsts = opts.repo.inOneCommit(() =>
      answered.filter(({ item, outcome }) => record(item, outcome, tally)),
    );
    lanes.after(tally.retried > retriedBefore);
    for (const { item, outcome } of firsts) {
      const hook = opts.onDelivered?.[item.infno];
      if (!hook || outcome.kind !== 'delivered') continue;
      try {
        hook(item, outcome.response);
      } catch (err) {
        opts.onError?.(err);
      }
    }
  }

  async function drain(): Promise<DrainResult> {
    const tally: DrainResult = { delivered: 0, retried: 0, parked: 0 };
    for (let round = 0; round < MAX_ROUNDS_PER_DRAIN; round += 1) {
      const circuit = breaker.state(now());
      if (circuit === 'open') break;
      const probing = circuit === 'half-open';
      const items = opts.repo.claimDue(now(), probing ? 1 : batchSize);
      if (items.length === 0) break;
      const deliveredBefore = tally.delivered;
      await deliverBatch(items, probing ? 1 : lanes.width(), tally);
      if (probing) {
        if (breaker.state(now()) === 'closed') continue;
        break;
      }
      // More may be due: the batch was full, or a delivery released the next item of its key.
      const more = items.length === batchSize || tally.delivered > deliveredBefore;
      if (!more || stopping) break;
    }
    if (tally.delivered + tally.retried + tally.parked > 0) opts.onChange?.();
    return tally;
  }

  function drainOnce(): Promise<DrainResult> {
    const run = queue.then(drain);
    queue = run.catch(() => undefined);
    return run;
  }

  /** One timed loop: drain, wait, drain… for as long as its generation is current. */
  async function loop(gen: number, intervalMs: number): Promise<void> {
    if (!running || gen !== generation) return;
    try {
      await drainOnce();
    } catch (err) {
      opts.onError?.(err);
    }
    if (!running || gen !== generation) return;
    timer = setTimeout(() => {
      timer = null;
      void loop(gen, intervalMs);
    }, intervalMs);
    timer.unref?.();
  }

  return {
    start(intervalMs = DEFAULT_INTERVAL_MS) {
      if (running) return;
      running = true;
      stopping = false;
      generation += 1;
      void loop(generation, intervalMs);
    },
    async stop() {
      running = false;
      stopping = true;
      generation += 1;
      if (timer) clearTimeout(timer);
      timer = null;
      try {
        await queue;
      } finally {
        stopping = false;
      }
    },
    drainOnce,
    sendNow() {
      opts.repo.expedite(now());
      breaker.probeNow(now());
      return drainOnce();
    },
    circuit: () => breaker.view(now()),
  };
}

/**
 * A batch costs two durable commits (its claim and its outcomes) and ends with lanes idle while
 * its last sends finish: 50 items spread both over many items after a day offline (issue 20),
 * and up to 16 lanes keep a distant center's round trips overlapping while it answers.
 */
const DEFAULT_BATCH_SIZE = 50;
const DEFAULT_MAX_CONCURRENCY = 16;
const START_CONCURRENCY = 4;

/**
 * How many sends run at once, adapting to the center's answers (additive increase,
 * multiplicative decrease): one more lane after a batch the center answered in full, half as
 * many after a batch with a retry (an error or no answer: the center may be overloaded).
 */
export function adaptiveLanes(max: number) {
  let width = Math.min(max, START_CONCURRENCY);
  return {
    width: () => width,
    after(hadRetry: boolean) {
      width = hadRetry ? Math.max(1, Math.floor(width / 2)) : Math.min(max, width + 1);
    },
  };
}

/** Runs `work` over `items`, at most `size` at a time; every item is attempted, then the first failure is thrown. */
async function pool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const failures: unknown[] = [];
  const lanes = Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      if (item === undefined) continue;
      try {
        await work(item);
      } catch (err) {
        failures.push(err);
      }
    }
  });
  await Promise.all(lanes);
  if (failures.length > 0) throw failures[0];
}

function errorText(err: unknown): string {
  if (err instanceof Error) return err.message ? `${err.name}: ${err.message}` : err.name;
  return String(err);
}
