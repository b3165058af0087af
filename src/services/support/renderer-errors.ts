import { maskFreeText } from '../../domain/mask-text';
import type { Logger } from '../logger';

/** Reports kept per minute; the rest are counted and said in the next one let through. */
export const RENDERER_ERRORS_PER_MINUTE = 10;
const MESSAGE_CHARS = 500;
const STACK_CHARS = 4000;

export interface RendererErrorReport {
  kind: 'boundary' | 'error' | 'rejection';
  message: string;
  stack?: string | undefined;
}

/**
 * What the renderer reports before it reloads after a crash: one masked, truncated log line,
 * at most RENDERER_ERRORS_PER_MINUTE a minute (a crash loop must not fill the disk).
 */
export function createRendererErrorLog(deps: { log: Logger; now: () => number }) {
  let windowStart = 0;
  let inWindow = 0;
  let dropped = 0;
  return {
    report(r: RendererErrorReport): { logged: boolean } {
      const now = deps.now();
      if (now - windowStart >= 60_000) {
        windowStart = now;
        inWindow = 0;
      }
      if (inWindow >= RENDERER_ERRORS_PER_MINUTE) {
        dropped++;
        return { logged: false };
      }
      inWindow++;
      deps.log.error('renderer.crash', {
        kind: r.kind,
        message: maskFreeText(r.message.slice(0, MESSAGE_CHARS)),
        ...(r.stack ? { stack: maskFreeText(r.stack.slice(0, STACK_CHARS)) } : {}),
        ...(dropped ? { droppedBefore: dropped } : {}),
      });
      dropped = 0;
      return { logged: true };
    },
  };
}
