import type { AppErrorShape } from '../../domain/errors';
import type { LoggedLine } from './job-context';
import type { JobName } from './jobs';

/** One job asked of the job thread. */
export interface JobRequest {
  id: number;
  name: JobName;
  input: unknown;
}

/** Its answer: the result or the error, and the lines it logged (the counter writes them). */
export type JobReply =
  | { id: number; ok: true; output: unknown; logged: LoggedLine[] }
  | { id: number; ok: false; error: JobError; logged: LoggedLine[] };

/** An AppError keeps its code, rule and detail across the thread; anything else its message. */
export type JobError = { kind: 'app'; shape: AppErrorShape } | { kind: 'other'; message: string };
