import type { Dispatch } from '../api/dispatch';
import type { Logger } from '../services/logger';

export interface Backend {
  dispatch: Dispatch;
  close(): Promise<void>;
}

const RESTARTING = {
  ok: false,
  error: { code: 'INTERNAL', message: '柜台程序正在重启（恢复备份），请稍候再试' },
} as const;

/**
 * Browser mode's services behind one dispatch that outlives them: a restart the services ask
 * for (a staged restore) closes them and opens them again in this process, while the HTTP host
 * keeps its port; calls in between are told to wait.
 */
export async function startRestartableBackend(
  open: (restart: () => void) => Promise<Backend>,
  log: Logger,
): Promise<{ dispatch: Dispatch; close(): Promise<void>; whenRestarted(): Promise<void> }> {
  let current: Backend | null = null;
  let restarting: Promise<void> | null = null;
  const restart = () => {
    restarting ??= (async () => {
      const old = current;
      current = null;
      await old?.close();
      current = await open(restart);
      log.warn('app.restarted', {});
    })()
      .catch((err: unknown) => log.error('app.restartFailed', { error: String(err) }))
      .finally(() => {
        restarting = null;
      });
  };
  current = await open(restart);
  return {
    dispatch: (method, input, token) =>
      current ? current.dispatch(method, input, token) : Promise.resolve(RESTARTING),
    async close() {
      await restarting;
      await current?.close();
      current = null;
    },
    whenRestarted: async () => {
      await restarting;
    },
  };
}
