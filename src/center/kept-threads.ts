import type { Worker } from 'node:worker_threads';
import { startThread } from './thread-loader';

/**
 * What a pooled thread receives: a job's `setup` travels with the first task each thread gets
 * in that job, never again (it may be large: certificates, CRLs, a database path).
 */
export interface PooledTask<Setup, Task> {
  setup?: Setup;
  task: Task;
}

export interface PooledJob<Setup, Task, Reply> {
  threads: number;
  setup: Setup;
  /** The next task, or undefined when the job has none left (asked as threads become free). */
  next(): Task | undefined;
  /** Each reply as it arrives, on the caller's thread: keep this cheap (no per-item work). */
  take(reply: Reply): void;
}

export interface KeptThreads {
  run<Setup, Task, Reply>(job: PooledJob<Setup, Task, Reply>): Promise<void>;
  /** How many started threads wait for the next job. */
  readonly kept: number;
  /** Ends the kept threads (at shutdown, and in tests). */
  close(): Promise<void>;
}

/**
 * Worker threads on one entry file, kept between jobs (issue 20): starting one (and, from
 * source, compiling its modules) costs more than hundreds of items of work, and a kept thread
 * keeps its compiled, warmed-up code. Idle threads do not keep the process alive (unref). Each
 * thread is fed a task as soon as it answers the previous one, so a slow task at the end does
 * not leave the others idle long.
 */
export function createKeptThreads(workerFile: string): KeptThreads {
  const idle: Worker[] = [];

  const take = (n: number): Worker[] => {
    const taken = idle.splice(0, n);
    while (taken.length < n) taken.push(startThread(workerFile, null));
    for (const w of taken) w.ref();
    return taken;
  };
  const giveBack = (worker: Worker) => {
    worker.removeAllListeners('message');
    worker.removeAllListeners('error');
    worker.removeAllListeners('exit');
    worker.unref();
    idle.push(worker);
  };

  async function run<Setup, Task, Reply>(job: PooledJob<Setup, Task, Reply>): Promise<void> {
    const workers = take(Math.max(1, job.threads));
    let failed = false;
    const feed = (worker: Worker, first: boolean): boolean => {
      const task = job.next();
      if (task === undefined) return false;
      const message: PooledTask<Setup, Task> = first ? { setup: job.setup, task } : { task };
      worker.postMessage(message);
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
              worker.on('message', (reply: Reply) => {
                job.take(reply);
                if (!feed(worker, false)) resolve();
              });
              worker.once('error', fail);
              worker.once('exit', (code) => fail(new Error(`复验线程意外退出（${code}）`)));
              if (!feed(worker, true)) resolve();
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
  }

  return {
    run,
    get kept() {
      return idle.length;
    },
    async close() {
      await Promise.all(idle.splice(0).map((w) => w.terminate()));
    },
  };
}
