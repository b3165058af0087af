import os from 'node:os';
import path from 'node:path';
import { createKeptThreads } from '../kept-threads';
import { type BulkThreadSetup, bulkThreadSetup } from './bulk-thread-verifier';
import type { RxVerdict } from './verdict';
import type { VerifyRxContext } from './verify-rx';

/** One chunk of a job. */
export interface BulkThreadTask {
  start: number;
  items: unknown[];
}
export interface BulkThreadReply {
  start: number;
  verdicts: RxVerdict[];
}

/**
 * Chunks are sized so each thread gets about this many: enough that a slow chunk at the end
 * does not leave the other threads idle long, few enough that messages stay rare.
 */
const CHUNKS_PER_THREAD = 8;
const MIN_CHUNK = 25;
/** Bounds one message: cloning a chunk to or from a thread stays a short pause for the counter. */
const MAX_CHUNK = 250;

const threads = createKeptThreads(path.join(import.meta.dirname, 'bulk-verify-worker.ts'));

/** How many started threads wait for the next job. */
export function keptBulkVerifyThreads(): number {
  return threads.kept;
}

/** Ends the kept threads (at shutdown, and in tests). */
export function closeBulkVerifyThreads(): Promise<void> {
  return threads.close();
}

/**
 * bulkVerifyRxFiles on every core (issue 20): the same verdicts in the same order, computed by
 * `threads` worker threads (default: one per core) fed chunks as they finish. The items are
 * cloned to the threads, so the counter's thread pays per item: prescriptions already stored
 * are re-verified by services/rx-reverify, whose threads read them from the database.
 */
export async function bulkVerifyOnAllCores(
  inputs: readonly unknown[],
  ctx: Omit<VerifyRxContext, 'engine'>,
  opts: { threads?: number } = {},
): Promise<RxVerdict[]> {
  if (inputs.length === 0) return [];
  const wanted = Math.max(1, opts.threads ?? os.availableParallelism());
  const chunk = Math.min(
    MAX_CHUNK,
    Math.max(MIN_CHUNK, Math.ceil(inputs.length / (wanted * CHUNKS_PER_THREAD))),
  );
  const verdicts: RxVerdict[] = new Array(inputs.length);
  let next = 0;
  await threads.run<BulkThreadSetup, BulkThreadTask, BulkThreadReply>({
    threads: Math.min(wanted, Math.ceil(inputs.length / chunk)),
    setup: bulkThreadSetup(ctx.trust, ctx.at),
    next() {
      if (next >= inputs.length) return undefined;
      const task = { start: next, items: inputs.slice(next, next + chunk) };
      next += chunk;
      return task;
    },
    take(reply) {
      reply.verdicts.forEach((v, i) => {
        verdicts[reply.start + i] = v;
      });
    },
  });
  return verdicts;
}
