import { readlinkSync } from 'node:fs';
import os from 'node:os';

/** Nice value of a background thread: below the counter's own thread, above nothing else. */
const BACKGROUND_NICE = 10;

/**
 * Called by a worker thread on itself (issue 20): on Linux a thread has its own nice value, so
 * when the counter's thread wakes while every core runs background work, the scheduler hands it
 * a core at once instead of at the end of a worker's time slice. Elsewhere (Windows sets
 * priorities per process) and where the thread cannot be named, nothing changes.
 */
export function lowerThisThreadsPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0 && tid !== process.pid)
      os.setPriority(tid, BACKGROUND_NICE);
  } catch {
    // No /proc, or not allowed: the thread keeps the counter's priority.
  }
}
