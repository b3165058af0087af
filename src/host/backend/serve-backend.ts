import type { RunningSandbox } from '../../api/counter-runtime';
import type { Dispatch } from '../../api/dispatch';
import type { ApiResult } from '../../contract/types';
import { DEFAULT_PRINT_SETTINGS } from '../../domain/desktop/print-settings';
import { toErrorShape } from '../../domain/errors';
import type { DesktopService } from '../../services/desktop/desktop-service';
import type { Logger } from '../../services/logger';
import { type HostQuestion, MALFORMED_MESSAGE, refusal, toBackendMessage } from './protocol';
import type { BackendPort } from './transport';

/** The counter runtime as the backend process serves it. */
export interface ServedRuntime {
  dispatch: Dispatch;
  current(): { mode: 'setup' | 'demo' | 'real' };
  desktop(): DesktopService | null;
  close(): Promise<void>;
}

/** What the backend's services get from the process they run in. */
export interface BackendHooks {
  /** The services ask to be closed and opened again (a staged restore, D33). */
  restart(): void;
  /** The embedded sandbox is the parent's child (a utility process cannot fork another). */
  startSandbox(): Promise<RunningSandbox>;
}

const NOTHING_PENDING = { uploadsPending: 0, settlementsInProgress: 0, outcomesUnknown: 0 };
/** How long a closing backend lets calls already running finish. */
const DRAIN_MS = 10_000;
const CLOSING = refusal('STARTING', '柜台后台服务正在重新启动，请稍候几秒再试');

/**
 * The backend process's side of the channel: opens the counter runtime, answers contract calls
 * (concurrently, each in its own promise) and the shell's questions, and says where it is in
 * its life: ready, shutting down, restarting for a restore, or a fatal start failure.
 */
export function serveBackend(
  port: BackendPort,
  open: (hooks: BackendHooks) => Promise<ServedRuntime>,
  exit: (code: number) => void,
  log: Logger,
): void {
  let runtime: ServedRuntime | null = null;
  let closing = false;
  const running = new Set<Promise<unknown>>();
  const sandboxWaits = new Map<number, (answer: { url?: string; error?: string }) => void>();
  let nextSandboxId = 0;

  const post = (message: unknown) => {
    try {
      port.postMessage(message);
    } catch (err) {
      log.error('backend.postFailed', { error: String(err) });
    }
  };
  const answer = (type: 'result' | 'answer', id: number, result: ApiResult<unknown>) => {
    try {
      port.postMessage({ type, id, result });
    } catch (err) {
      log.error('backend.replyNotSendable', { error: String(err) });
      post({ type, id, result: { ok: false, error: toErrorShape(err) } });
    }
  };

  async function stop(kind: 'shutting-down' | 'restart-for-restore'): Promise<void> {
    if (closing) return;
    closing = true;
    post({ type: kind });
    const drained = Promise.allSettled([...running]);
    await Promise.race([drained, new Promise((r) => setTimeout(r, DRAIN_MS).unref())]);
    await runtime
      ?.close()
      .catch((err: unknown) => log.error('backend.closeFailed', { error: String(err) }));
    exit(0);
  }

  const hooks: BackendHooks = {
    restart: () => void stop('restart-for-restore'),
    startSandbox: () =>
      new Promise((resolve, reject) => {
        const id = nextSandboxId++;
        sandboxWaits.set(id, (reply) => {
          if (reply.url) resolve({ url: reply.url, stop: () => undefined });
          else reject(new Error(reply.error ?? '沙箱中心启动失败'));
        });
        post({ type: 'start-sandbox', id });
      }),
  };

  port.on('message', (raw) => {
    const parsed = toBackendMessage.safeParse(raw);
    if (!parsed.success) {
      const id = (raw as { id?: unknown } | null)?.id;
      const type = (raw as { type?: unknown } | null)?.type;
      if (Number.isInteger(id) && (type === 'call' || type === 'ask'))
        answer(
          type === 'call' ? 'result' : 'answer',
          id as number,
          refusal('VALIDATION', MALFORMED_MESSAGE),
        );
      else post({ type: 'refused', message: MALFORMED_MESSAGE });
      return;
    }
    const message = parsed.data;
    if (message.type === 'shutdown') return void stop('shutting-down');
    if (message.type === 'sandbox') {
      sandboxWaits.get(message.id)?.(message);
      sandboxWaits.delete(message.id);
      return;
    }
    if (closing || !runtime) {
      answer(message.type === 'call' ? 'result' : 'answer', message.id, CLOSING);
      return;
    }
    const served = runtime;
    const work =
      message.type === 'call'
        ? served
            .dispatch(message.method, message.params, message.token)
            .then((result) => answer('result', message.id, result))
        : Promise.resolve()
            .then(() => answerQuestion(served, message.question, message.value))
            .then(
              (value) => answer('answer', message.id, { ok: true, value }),
              (err: unknown) =>
                answer('answer', message.id, { ok: false, error: toErrorShape(err) }),
            );
    running.add(work);
    void work.finally(() => running.delete(work));
  });

  open(hooks).then(
    (opened) => {
      runtime = opened;
      post({ type: 'ready', mode: opened.current().mode });
    },
    (err: unknown) => {
      const locked = err instanceof Error && err.name === 'DataDirLockedError';
      const message = locked
        ? (err as Error).message
        : `柜台后台服务启动失败：${err instanceof Error ? err.message : String(err)}`;
      log.error('backend.startFailed', { error: String(err) });
      post({ type: 'fatal', reason: locked ? 'locked' : 'start', message });
      exit(1);
    },
  );
}

function answerQuestion(runtime: ServedRuntime, question: HostQuestion, value?: number): unknown {
  const desktop = runtime.desktop();
  switch (question) {
    case 'pendingWork':
      return desktop?.pendingWork() ?? NOTHING_PENDING;
    case 'printSettings':
      return desktop?.print() ?? DEFAULT_PRINT_SETTINGS;
    case 'updateFeed':
      return desktop?.update().feedUrl ?? null;
    case 'lastUpdateCheck':
      return desktop?.lastUpdateCheck.get() ?? null;
    case 'setLastUpdateCheck':
      if (value !== undefined) desktop?.lastUpdateCheck.set(value);
      return null;
  }
}
