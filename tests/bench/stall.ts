import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { BenchRow } from './table';

/** Issue 20: no background work may keep the counter's other calls waiting longer than this. */
export const STALL_TARGET_MS = 16;

const turn = () => new Promise((resume) => setTimeout(resume, 2));

/**
 * The longest the event loop was kept from other work while `work` ran (ms): what a call
 * arriving meanwhile would wait. Synchronous work counts whole; sliced or off-thread work only
 * by its longest slice.
 */
export async function longestStall(work: () => unknown): Promise<number> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  await turn();
  await work();
  await turn();
  delay.disable();
  return delay.max / 1e6;
}

/**
 * The longest stall of an idle second on this machine: on a loaded machine the scheduler alone
 * stalls the loop, and a stall row is only as good as this floor.
 */
export async function idleStall(): Promise<number> {
  return longestStall(() => new Promise((resume) => setTimeout(resume, 1_000)));
}

/** A bench row for the longest stall during one background job, judged against 16 ms. */
export async function stallRow(
  area: string,
  job: string,
  ms: number,
  note?: string,
): Promise<BenchRow> {
  const floor = `idle second here: ${(await idleStall()).toFixed(1)} ms`;
  return {
    area,
    name: `longest stall of the counter during ${job}`,
    value: ms,
    unit: 'ms',
    note: note ? `${note}; ${floor}` : floor,
    target: { op: '≤', limit: STALL_TARGET_MS },
  };
}
