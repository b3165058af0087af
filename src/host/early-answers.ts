import { CONFIGURED_STATUS } from '../api/handlers-setup';
import type { ApiResult, AppInfo } from '../contract/types';

/** A call answered without the services, or undefined: it waits for them. */
export type EarlyAnswer = (method: string) => ApiResult<unknown> | undefined;

/**
 * The two questions the log-in screen asks before it draws (is the folder set up, which
 * pharmacy is this), answered from the start mode while the services still start. Everything
 * else, log-in included, waits for them (deferred-dispatch.ts).
 */
export function earlyAnswers(info: AppInfo | null): EarlyAnswer {
  if (!info) return () => undefined;
  return (method) => {
    if (method === 'setup.status') return { ok: true, value: CONFIGURED_STATUS };
    if (method === 'app.info') return { ok: true, value: info };
    return undefined;
  };
}
