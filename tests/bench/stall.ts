import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { BenchRow } from './table';

/** Issue 20: no background work may keep the counter's other calls waiting longer than this. */
export const STALL_TARGET_MS = 16;

const turn = () => new Promise((resume) => setTimeout(resume, 2));

/**
 * The longest the event loop was kept from other work while `work` ran (ms): what a call
 * arriving meanwhile would wait. Synchronous work counts whole; sliced or off-thread work only
 * by its longest slice. `cpuMs` is the most CPU time spent between two turns of the loop: on a
 * loaded machine the wall figure also counts time the process was not scheduled at all.
 */
export async function measureStall(
  work: () => unknown,
): Promise<{ wallMs: number; cpuMs: number }> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  let cpuMs = 0;
  let last = process.cpuUsage();
  let ticking = true;
  const tick = () => {
    const now = process.cpuUsage(last);
    cpuMs = Math.max(cpuMs, (now.user + now.system) / 1000);
    last = process.cpuUsage();
    if (ticking) setImmediate(tick);
  };
  delay.enable();
  setImmediate(tick);
  await turn();
  await work();
  await turn();
  ticking = false;
  delay.disable();
  return { wallMs: delay.max / 1e6, cpuMs };
}

/**
 * The longest stall of an idle second on this machine: on a loaded machine the scheduler alone
 * stalls the loop, and a stall row is only as good as this floor.
 */
export async function idleStall(): Promise<number> {
  return (await measureStall(() => new Promise((resume) => setTimeout(resume, 1_000)))).wallMs;
}

/** A bench row for the longest stall during one background job, judged against 16 ms. */
export async function stallRow(
  area: string,
  job: string,
  stall: { wallMs: number; cpuMs: number },
  note?: string,
): Promise<BenchRow> {
  const floor = `most CPU between two turns ${stall.cpuMs.toFixed(1)} ms; idle second here: ${(await idleStall()).toFixed(1)} ms`;
  return {
    area,
    name: `longest stall of the counter during ${job}`,
    value: stall.wallMs,
    unit: 'ms',
    note: note ? `${note}; ${floor}` : floor,
    target: { op: '≤', limit: STALL_TARGET_MS },
  };
}
