import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { startThread } from '../thread-loader';
import type { RxVerdict } from './verdict';
import type { VerifyRxContext } from './verify-rx';

/** What each thread needs to build its own trust store and bulk verifier (plain, cloneable). */
export interface BulkThreadSetup {
  caDer: Uint8Array[];
  crlDer: Uint8Array[];
  requireCrl: boolean;
  atMs: number;
}
/** One chunk of a job; `setup` travels with a job's first chunk to each thread only. */
export interface BulkThreadTask {
  setup?: BulkThreadSetup;
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
const WORKER_FILE = path.join(import.meta.dirname, 'bulk-verify-worker.ts');

/**
 * The threads outlive a call (issue 20): starting one (and, from source, compiling its modules)
 * costs more than verifying hundreds of prescriptions, and a started thread keeps its compiled,
 * warmed-up code and its certificate checks for the next job. Idle threads do not keep the
 * process alive (unref); closeBulkVerifyThreads ends them.
 */
const idle: Worker[] = [];

function takeThreads(n: number): Worker[] {
  const taken = idle.splice(0, n);
  while (taken.length < n) taken.push(startThread(WORKER_FILE, null));
  for (const w of taken) w.ref();
  return taken;
}

function giveBack(worker: Worker): void {
  worker.removeAllListeners('message');
  worker.removeAllListeners('error');
  worker.removeAllListeners('exit');
  worker.unref();
  idle.push(worker);
}

/** How many started threads wait for the next job. */
export function keptBulkVerifyThreads(): number {
  return idle.length;
}

/** Ends the kept threads (at shutdown, and in tests). */
export async function closeBulkVerifyThreads(): Promise<void> {
  const all = idle.splice(0);
  await Promise.all(all.map((w) => w.terminate()));
}

/**
 * bulkVerifyRxFiles on every core (issue 20): the same verdicts in the same order, computed by
 * `threads` worker threads (default: one per core) fed chunks as they finish, so the counter's
 * own thread stays free while thousands of stored prescriptions are re-verified.
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
  const threads = Math.min(wanted, Math.ceil(inputs.length / chunk));
  const setup: BulkThreadSetup = {
    caDer: ctx.trust.cas.map((c) => c.der),
    crlDer: ctx.trust.crls.map((c) => c.der),
    requireCrl: ctx.trust.requireCrl,
    atMs: ctx.at.getTime(),
  };
  const verdicts: RxVerdict[] = new Array(inputs.length);
  const workers = takeThreads(threads);
  let failed = false;
  let next = 0;
  const feed = (worker: Worker, first: boolean): boolean => {
    if (next >= inputs.length) return false;
    const task: BulkThreadTask = {
      ...(first ? { setup } : {}),
      start: next,
      items: inputs.slice(next, next + chunk),
    };
    next += chunk;
    worker.postMessage(task);
    return true;
  };
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const fail = (err: Error) => {
              failed = true;
              reject(err);
            };
            worker.on('message', (reply: BulkThreadReply) => {
              reply.verdicts.forEach((v, i) => {
                verdicts[reply.start + i] = v;
              });
              if (!feed(worker, false)) resolve();
            });
            worker.once('error', fail);
            worker.once('exit', (code) => fail(new Error(`复验线程意外退出（${code}）`)));
            feed(worker, true);
          }),
      ),
    );
  } finally {
    // After a failure the others may still be answering this job: none is kept.
    for (const w of workers) {
      if (failed) void w.terminate();
      else giveBack(w);
    }
  }
  return verdicts;
}
