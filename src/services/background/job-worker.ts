import { parentPort, workerData } from 'node:worker_threads';
import { lowerThisThreadsPriority } from '../../center/thread-priority';
import { AppError } from '../../domain/errors';
import {
  collectingLogger,
  type JobThreadSetup,
  type LoggedLine,
  openJobDatabase,
} from './job-context';
import type { JobError, JobReply, JobRequest } from './job-messages';
import { runJob } from './jobs';

/** The job thread (background/job-runner.ts): its own read-only connection, one job at a time. */
lowerThisThreadsPriority();
const setup = workerData as JobThreadSetup;
const db = openJobDatabase(setup);

function errorOf(err: unknown): JobError {
  if (err instanceof AppError) {
    const shape = {
      code: err.code,
      message: err.message,
      ...(err.ruleId ? { ruleId: err.ruleId } : {}),
      ...(err.citation ? { citation: err.citation } : {}),
      ...(err.detail ? { detail: err.detail } : {}),
    };
    return { kind: 'app', shape };
  }
  return { kind: 'other', message: err instanceof Error ? err.message : String(err) };
}

parentPort?.on('message', (request: JobRequest) => {
  const logged: LoggedLine[] = [];
  const ctx = { db, dataDir: setup.dataDir, catalog: setup.catalog, log: collectingLogger(logged) };
  let reply: JobReply;
  try {
    reply = {
      id: request.id,
      ok: true,
      output: runJob(ctx, request.name, request.input as never),
      logged,
    };
  } catch (err) {
    reply = { id: request.id, ok: false, error: errorOf(err), logged };
  }
  parentPort?.postMessage(reply);
});
