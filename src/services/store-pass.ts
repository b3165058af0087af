import type { Logger } from './logger';

/**
 * How a counter copies one of its own tables to its store server (D43, D50): one pass at a time
 * (a second caller joins the running one), right after a change and again on a timer, because the
 * store may be unreachable at any moment and the next pass sends whatever it still lacks.
 */
export function createStorePass<T>(
  pass: () => Promise<T>,
  o: { retryMs: number; log: Logger; notYet: string },
) {
  let running: Promise<T> | null = null;
  let timer: NodeJS.Timeout | null = null;

  /** One pass now (or the one already running); rejects when the store cannot be reached. */
  function now(): Promise<T> {
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  }

  /** Without making the counter wait; a failure is logged and retried by the timer. */
  function soon(): void {
    now().catch((e: unknown) => o.log.warn(`${o.notYet}，稍后重试：${(e as Error).message}`));
  }

  return {
    now,
    soon,
    start() {
      timer ??= setInterval(soon, o.retryMs);
      timer.unref();
      soon();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}
