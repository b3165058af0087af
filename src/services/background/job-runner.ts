import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { startThread } from '../../center/thread-loader';
import { AppError } from '../../domain/errors';
import type { Logger } from '../logger';
import type { JobContext, JobThreadSetup, LoggedLine } from './job-context';
import type { JobError, JobReply, JobRequest } from './job-messages';
import { type JobInput, type JobName, type JobOutput, runJob } from './jobs';

const WORKER_FILE = path.join(import.meta.dirname, 'job-worker.ts');

/** Heavy read-only work the counter asks for without waiting on its own thread (issue 20). */
export interface BackgroundJobs {
  run<K extends JobName>(name: K, input: JobInput<K>): Promise<JobOutput<K>>;
  /** Jobs the job thread has answered (0 for jobs run in place). */
  readonly answeredByThread: number;
  close(): Promise<void>;
}

interface Waiting {
  resolve: (output: unknown) => void;
  reject: (err: Error) => void;
}

const rebuilt = (e: JobError): Error =>
  e.kind === 'app'
    ? new AppError(e.shape.code, e.shape.message, {
        ...(e.shape.ruleId ? { ruleId: e.shape.ruleId } : {}),
        ...(e.shape.citation ? { citation: e.shape.citation } : {}),
        ...(e.shape.detail ? { detail: e.shape.detail } : {}),
      })
    : new Error(e.message);

function replay(log: Logger, lines: readonly LoggedLine[]): void {
  for (const l of lines) log[l.level](l.event, l.data);
}

/**
 * One job thread, started at the first job and kept: it opens its own read-only connection to
 * the counter's database (WAL: it neither waits for nor blocks the counter's writes) and runs
 * the jobs of background/jobs.ts one after another; the counter's thread only posts the input
 * and takes the plain result. The thread holds the process open only while a job is waiting.
 * If it dies, its waiting jobs fail and the next job starts a new one.
 */
export function createBackgroundJobs(setup: JobThreadSetup, log: Logger): BackgroundJobs {
  let worker: Worker | null = null;
  const waiting = new Map<number, Waiting>();
  let nextId = 1;
  let answered = 0;

  const failAll = (err: Error) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };

  const thread = (): Worker => {
    if (worker) return worker;
    const w = startThread(WORKER_FILE, setup);
    w.on('message', (reply: JobReply) => {
      const job = waiting.get(reply.id);
      if (!job) return;
      waiting.delete(reply.id);
      if (waiting.size === 0) w.unref();
      answered++;
      replay(log, reply.logged);
      if (reply.ok) job.resolve(reply.output);
      else job.reject(rebuilt(reply.error));
    });
    w.on('error', (err) => {
      log.error('background.thread_failed', { error: String(err) });
      failAll(new Error('后台任务线程出错，请重试'));
    });
    w.on('exit', () => {
      if (worker === w) worker = null;
      failAll(new Error('后台任务线程意外退出，请重试'));
    });
    worker = w;
    return w;
  };

  return {
    run<K extends JobName>(name: K, input: JobInput<K>): Promise<JobOutput<K>> {
      const w = thread();
      const id = nextId++;
      const request: JobRequest = { id, name, input };
      return new Promise<JobOutput<K>>((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (o: unknown) => void, reject });
        w.ref();
        w.postMessage(request);
      });
    },
    get answeredByThread() {
      return answered;
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}

/**
 * The same jobs run in place on the caller's thread: for a database only this connection can
 * see (in memory) and for callers that have no thread to spare.
 */
export function inPlaceJobs(ctx: JobContext): BackgroundJobs {
  return {
    run: async (name, input) => runJob(ctx, name, input),
    answeredByThread: 0,
    close: async () => {},
  };
}
