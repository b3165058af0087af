import os from 'node:os';
import path from 'node:path';
import { createKeptThreads } from '../../center/kept-threads';
import { bulkThreadSetup } from '../../center/rx/bulk-thread-verifier';
import type { TrustStore } from '../../center/rx/trust-store';
import type { RxReverifyFailure, RxReverifySummary } from '../../contract/types-reverify';
import type { PrescriptionRepository } from '../../store/prescription-repository';
import type { ReverifyReply, ReverifySetup, ReverifyTask } from './reverify-messages';

/** Rowids per task: a task is a few tens of ms of one thread, a reply a few bytes. */
const ROWS_PER_TASK = 64;
/** The summary lists this many failures (by number); the counts cover all. */
export const MAX_LISTED_FAILURES = 200;

const threads = createKeptThreads(path.join(import.meta.dirname, 'reverify-worker.ts'));

/** How many started threads wait for the next job. */
export function keptReverifyThreads(): number {
  return threads.kept;
}

/** Ends the kept threads (at shutdown, and in tests). */
export function closeReverifyThreads(): Promise<void> {
  return threads.close();
}

export interface ReverifyDeps {
  dbFile: string;
  nativeBinding: string | undefined;
  /** The counter's own connection: only the rowid span is read on its thread. */
  repo: PrescriptionRepository;
}

/**
 * R-SIGN, issue 20: every stored prescription verified again on all cores. The threads read the
 * prescriptions themselves on read-only connections and answer each range with counts and its
 * failures, so the counter's thread only hands out ranges: it stays free for the counter.
 */
export async function reverifyStored(
  deps: ReverifyDeps,
  ctx: { trust: TrustStore; at: Date },
  opts: { threads?: number } = {},
): Promise<RxReverifySummary> {
  const started = performance.now();
  const span = deps.repo.rowidSpan();
  const wanted = Math.max(1, opts.threads ?? os.availableParallelism());
  const failures: RxReverifyFailure[] = [];
  let checked = 0;
  let threadsUsed = 0;
  if (span) {
    let next = span.first;
    const tasks = Math.ceil((span.last - span.first + 1) / ROWS_PER_TASK);
    threadsUsed = Math.min(wanted, tasks);
    await threads.run<ReverifySetup, ReverifyTask, ReverifyReply>({
      threads: threadsUsed,
      setup: {
        dbFile: deps.dbFile,
        nativeBinding: deps.nativeBinding,
        trust: bulkThreadSetup(ctx.trust, ctx.at),
      },
      next() {
        if (next > span.last) return undefined;
        const task = { first: next, last: Math.min(span.last, next + ROWS_PER_TASK - 1) };
        next = task.last + 1;
        return task;
      },
      take(reply) {
        checked += reply.checked;
        if (reply.failures.length > 0) failures.push(...reply.failures);
      },
    });
  }
  failures.sort((a, b) => (a.hiRxno < b.hiRxno ? -1 : a.hiRxno > b.hiRxno ? 1 : 0));
  return {
    checked,
    passed: checked - failures.length,
    failed: failures.length,
    failures: failures.slice(0, MAX_LISTED_FAILURES),
    threads: threadsUsed,
    ms: Math.round(performance.now() - started),
    atMs: ctx.at.getTime(),
  };
}
