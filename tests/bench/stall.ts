import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { CatalogDrug } from '../../src/domain/catalog/catalog-drug';
import {
  type BackgroundJobs,
  createBackgroundJobs,
} from '../../src/services/background/job-runner';
import { silentLogger } from '../../src/services/logger';
import type { Db } from '../../src/store/database';
import type { BenchRow } from './table';

/** Issue 20: no background work may keep the counter's other calls waiting longer than this. */
export const STALL_TARGET_MS = 16;
/** How often the cheap call arrives while the job runs. */
const PROBE_EVERY_MS = 2;

const turn = () => new Promise((resume) => setTimeout(resume, 2));

export interface Stall {
  /** The longest the event loop was late (a timer on the counter's thread). */
  wallMs: number;
  /** The most CPU time of the whole process (a job thread's too) between two turns of the loop. */
  cpuMs: number;
  /** The longest a cheap call arriving meanwhile waited for its answer (0 without one). */
  callMs: number;
}

/**
 * A cheap call as the counter answers one meanwhile (the status bar's count of queued
 * uploads): a read on the counter's own connection.
 */
export function cheapCall(db: Db): () => unknown {
  const count = db.prepare('SELECT COUNT(*) AS n FROM outbox');
  return () => count.get();
}

/**
 * The longest the event loop was kept from other work while `work` ran (ms): what a call
 * arriving meanwhile would wait. Synchronous work counts whole; sliced or off-thread work only
 * by its longest slice. With `call`, that call also arrives every 2 ms meanwhile and `callMs`
 * is the longest from its arrival to its answer. `cpuMs` is the most CPU time spent between two
 * turns of the loop: on a loaded machine the wall figure also counts time the process was not
 * scheduled at all.
 */
export async function measureStall(work: () => unknown, call?: () => unknown): Promise<Stall> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  let cpuMs = 0;
  let callMs = 0;
  let last = process.cpuUsage();
  let ticking = true;
  const tick = () => {
    const now = process.cpuUsage(last);
    cpuMs = Math.max(cpuMs, (now.user + now.system) / 1000);
    last = process.cpuUsage();
    // A 1 ms timer, not setImmediate: an immediate re-queued forever keeps the loop spinning,
    // which takes a whole core from the job's threads (the counter's idle loop sleeps).
    if (ticking) setTimeout(tick, 1);
  };
  const probe = (due: number) => {
    if (!ticking || !call) return;
    call();
    callMs = Math.max(callMs, performance.now() - due);
    const next = performance.now() + PROBE_EVERY_MS;
    setTimeout(() => probe(next), PROBE_EVERY_MS);
  };
  delay.enable();
  setTimeout(tick, 1);
  if (call) setTimeout(() => probe(performance.now()), 0);
  await turn();
  await work();
  await turn();
  ticking = false;
  delay.disable();
  return { wallMs: delay.max / 1e6, cpuMs, callMs };
}

/**
 * The longest stall of an idle second on this machine: on a loaded machine the scheduler alone
 * stalls the loop, and a stall row is only as good as this floor.
 */
export async function idleStall(): Promise<number> {
  return (await measureStall(() => new Promise((resume) => setTimeout(resume, 1_000)))).wallMs;
}

/**
 * A bench row for the longest stall during one background job: the later of the loop's
 * lateness and the cheap call's wait, judged against 16 ms. `judged: false` for a path the
 * counter no longer takes, kept beside the one it takes for comparison in the same minute.
 */
export async function stallRow(
  area: string,
  job: string,
  stall: Stall,
  note?: string,
  opts: { judged?: boolean } = {},
): Promise<BenchRow> {
  const call = stall.callMs > 0 ? `cheap call waited ≤ ${stall.callMs.toFixed(1)} ms; ` : '';
  const floor = `${call}loop late ≤ ${stall.wallMs.toFixed(1)} ms; most CPU of the process (all threads) between two turns ${stall.cpuMs.toFixed(1)} ms; idle second here: ${(await idleStall()).toFixed(1)} ms`;
  return {
    area,
    name: `longest stall of the counter during ${job}`,
    value: Math.max(stall.wallMs, stall.callMs),
    unit: 'ms',
    note: note ? `${note}; ${floor}` : floor,
    ...(opts.judged === false ? {} : { target: { op: '≤', limit: STALL_TARGET_MS } }),
  };
}

/** The counter's job thread on a bench database file (background/job-runner.ts). */
export function benchJobs(
  dbFile: string,
  dataDir: string,
  catalog: ReadonlyMap<string, CatalogDrug> = new Map(),
): BackgroundJobs {
  return createBackgroundJobs({ dbFile, nativeBinding: undefined, dataDir, catalog }, silentLogger);
}
