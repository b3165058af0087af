import type { ApiResult } from '../../contract/types';
import type { DesktopBackendStatus } from '../../contract/types-desktop';
import { START_WAIT_MS, STARTING_REFUSAL } from '../deferred-dispatch';
import { type FromBackend, fromBackendMessage, type HostQuestion, refusal } from './protocol';
import type { BackendChild, ForkBackend } from './transport';

/** What the shell tells the renderer about its backend. */
export type BackendStatus = DesktopBackendStatus;

export const CALL_INTERRUPTED =
  '柜台后台服务意外中断，这一步是否已完成未知：后台已自动重新启动，请先查看处方、结算或上传记录，再决定是否重做';
export const RESTARTING_FOR_CRASH = '柜台后台服务意外退出，正在自动重新启动，请稍候几秒再试';
const RESTARTING_FOR_RESTORE = '柜台程序正在重启（恢复备份），请稍候再试';
const CRASHED_AGAIN =
  '柜台后台服务再次意外退出，已停止自动重启：请关闭柜台程序后重新启动；如反复出现请联系信息管理员';
/** How long the shell waits for a closing backend before it ends it. */
const SHUTDOWN_WAIT_MS = 15_000;

export interface BackendLinkOptions {
  fork: ForkBackend;
  /** Starts (or returns the running) embedded sandbox for a demo counter. */
  startSandbox(): Promise<{ url: string }>;
  onStatus?(status: BackendStatus): void;
  /** How long a call waits for a (re)starting backend before it hears 正在启动. */
  startWaitMs?: number;
}

export interface BackendLink {
  /** One contract call, answered by the backend or, if it dies meanwhile, with a Chinese error. */
  call(method: string, params: unknown, token: string | null): Promise<ApiResult<unknown>>;
  /** The shell's own question to the services (close guard, printing, updates). */
  ask(question: HostQuestion, value?: number): Promise<ApiResult<unknown>>;
  /** Resolves when the backend (or its replacement) is ready, or has failed for good. */
  whenReady(): Promise<void>;
  close(): Promise<void>;
}

type Waiting = { resolve(result: ApiResult<unknown>): void; kind: 'result' | 'answer' };

/**
 * The shell's side of the backend process: forks it, routes calls to it and their answers back
 * by id, and outlives it. A crash fails the calls in flight with a Chinese error (their outcome
 * is unknown; the outbox and the unknown-outcome reversal keep the data safe) and restarts it
 * once; a restore restart (D33) forks a new one the same way; a second crash is fatal.
 */
export function startBackendLink(opts: BackendLinkOptions): BackendLink {
  const waiting = new Map<number, Waiting>();
  let nextId = 1;
  let child: BackendChild | null = null;
  let ready = false;
  let readyWaiters: Array<() => void> = [];
  let fatal: string | null = null;
  let crashRestarts = 0;
  let exitExpected: 'restore' | 'shutdown' | null = null;
  let exited: Promise<void> = Promise.resolve();

  const settleReady = () => {
    for (const wake of readyWaiters) wake();
    readyWaiters = [];
  };
  const failAll = (message: string) => {
    for (const [, w] of waiting) w.resolve(refusal('INTERNAL', message));
    waiting.clear();
  };

  function onMessage(from: BackendChild, raw: unknown): void {
    if (from !== child) return;
    const parsed = fromBackendMessage.safeParse(raw);
    if (!parsed.success) {
      console.error('[backend] 收到格式不合法的后台消息，已忽略');
      return;
    }
    handle(from, parsed.data);
  }

  function handle(from: BackendChild, message: FromBackend): void {
    switch (message.type) {
      case 'result':
      case 'answer': {
        const w = waiting.get(message.id);
        if (!w || w.kind !== message.type) return;
        waiting.delete(message.id);
        w.resolve(message.result as ApiResult<unknown>);
        return;
      }
      case 'ready':
        ready = true;
        settleReady();
        opts.onStatus?.({ state: 'ready', mode: message.mode });
        return;
      case 'start-sandbox':
        opts.startSandbox().then(
          ({ url }) => from.postMessage({ type: 'sandbox', id: message.id, url }),
          (err: unknown) =>
            from.postMessage({ type: 'sandbox', id: message.id, error: String(err) }),
        );
        return;
      case 'restart-for-restore':
        ready = false;
        exitExpected = 'restore';
        opts.onStatus?.({
          state: 'restarting',
          reason: 'restore',
          message: RESTARTING_FOR_RESTORE,
        });
        return;
      case 'shutting-down':
        ready = false;
        exitExpected ??= 'shutdown';
        return;
      case 'fatal':
        fatal = message.message;
        exitExpected = 'shutdown';
        settleReady();
        opts.onStatus?.({ state: 'fatal', reason: message.reason, message: message.message });
        return;
      case 'refused':
        console.error(`[backend] ${message.message}`);
        return;
    }
  }

  function start(): void {
    ready = false;
    exitExpected = null;
    const started = opts.fork();
    child = started;
    started.on('message', (raw) => onMessage(started, raw));
    exited = new Promise((resolve) =>
      started.onExit((code) => {
        resolve();
        onExit(started, code);
      }),
    );
  }

  function onExit(from: BackendChild, code: number | null): void {
    if (from !== child) return;
    child = null;
    ready = false;
    const why = exitExpected;
    if (why === 'shutdown' || fatal) {
      failAll(fatal ?? RESTARTING_FOR_RESTORE);
      settleReady();
      return;
    }
    if (why === 'restore') {
      failAll(RESTARTING_FOR_RESTORE);
      start();
      return;
    }
    console.error(`[backend] 后台进程意外退出（退出码 ${code}）`);
    failAll(CALL_INTERRUPTED);
    if (crashRestarts >= 1) {
      fatal = CRASHED_AGAIN;
      settleReady();
      opts.onStatus?.({ state: 'fatal', reason: 'crash', message: CRASHED_AGAIN });
      return;
    }
    crashRestarts++;
    opts.onStatus?.({ state: 'restarting', reason: 'crash', message: RESTARTING_FOR_CRASH });
    start();
  }

  async function readyWithin(ms: number): Promise<boolean> {
    if (ready || fatal) return ready;
    let timer: NodeJS.Timeout | undefined;
    const woke = new Promise<void>((resolve) => readyWaiters.push(resolve));
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    });
    await Promise.race([woke, timeout]);
    clearTimeout(timer);
    return ready;
  }

  async function send(
    kind: 'result' | 'answer',
    message: Record<string, unknown>,
  ): Promise<ApiResult<unknown>> {
    if (!(await readyWithin(opts.startWaitMs ?? START_WAIT_MS))) {
      return fatal ? refusal('INTERNAL', fatal) : STARTING_REFUSAL;
    }
    const to = child;
    if (!to) return STARTING_REFUSAL;
    const id = nextId++;
    return new Promise((resolve) => {
      waiting.set(id, { resolve, kind });
      try {
        to.postMessage({ ...message, id });
      } catch {
        waiting.delete(id);
        resolve(refusal('INTERNAL', CALL_INTERRUPTED));
      }
    });
  }

  start();
  return {
    call: (method, params, token) => send('result', { type: 'call', method, params, token }),
    ask: (question, value) =>
      send('answer', { type: 'ask', question, ...(value === undefined ? {} : { value }) }),
    whenReady: async () => {
      if (!ready && !fatal) await new Promise<void>((resolve) => readyWaiters.push(resolve));
    },
    async close() {
      const running = child;
      if (!running) return;
      exitExpected = 'shutdown';
      running.postMessage({ type: 'shutdown' });
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), SHUTDOWN_WAIT_MS);
      });
      if ((await Promise.race([exited, late])) === 'late') running.kill();
      clearTimeout(timer);
      await exited;
    },
  };
}
