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
export interface BulkThreadTask {
  start: number;
  items: unknown[];
}
export interface BulkThreadReply {
  start: number;
  verdicts: RxVerdict[];
}

/** Small enough that cloning one chunk to or from a thread stays a short pause for the counter. */
const CHUNK = 25;
const WORKER_FILE = path.join(import.meta.dirname, 'bulk-verify-worker.ts');

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
  const chunks = Math.ceil(inputs.length / CHUNK);
  const threads = Math.max(1, Math.min(opts.threads ?? os.availableParallelism(), chunks));
  if (chunks === 0) return [];
  const setup: BulkThreadSetup = {
    caDer: ctx.trust.cas.map((c) => c.der),
    crlDer: ctx.trust.crls.map((c) => c.der),
    requireCrl: ctx.trust.requireCrl,
    atMs: ctx.at.getTime(),
  };
  const verdicts: RxVerdict[] = new Array(inputs.length);
  const workers = Array.from({ length: threads }, () => startThread(WORKER_FILE, setup));
  let next = 0;
  const feed = (worker: Worker): boolean => {
    if (next >= inputs.length) return false;
    const task: BulkThreadTask = { start: next, items: inputs.slice(next, next + CHUNK) };
    next += CHUNK;
    worker.postMessage(task);
    return true;
  };
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            worker.on('message', (reply: BulkThreadReply) => {
              reply.verdicts.forEach((v, i) => {
                verdicts[reply.start + i] = v;
              });
              if (!feed(worker)) resolve();
            });
            worker.once('error', reject);
            worker.once('exit', (code) => {
              if (next < inputs.length || code !== 0)
                reject(new Error(`复验线程意外退出（${code}）`));
            });
            feed(worker);
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return verdicts;
}
