import path from 'node:path';
import type { CounterRuntime, RunningSandbox } from '../api/counter-runtime';
import type { Dispatch } from '../api/dispatch';
import { openLogFiles } from '../services/log-files';
import { createLogger, createTeeWriter, type Logger } from '../services/logger';
import { type StartMode, storedCenterConfigOf } from '../services/setup/data-folder-mode';
import { appInfoBeforeStart } from '../services/start-info';
import type { PhaseTimer } from '../services/start-phases';
import type { StoreMode } from '../services/store-mode';
import { deferredDispatch } from './deferred-dispatch';
import { earlyAnswers } from './early-answers';
import { startRestartableBackend } from './restartable-backend';
import { startHost } from './server';

/** The built renderer (this file is src/host/). */
const RENDERER_DIR = path.resolve(import.meta.dirname ?? '.', '../../dist/renderer');

export interface BrowserModeOptions {
  port: number;
  dataDir: string;
  version: string;
  /** Real center, demo (sandbox) or the first-run wizard (services/setup/data-folder-mode.ts). */
  mode: StartMode;
  /** A demo's sandbox started alongside (npm start): its address once it listens. */
  sandboxUrl?: Promise<string | undefined>;
  /** Single counter unless set (issue 17). */
  store?: StoreMode;
  /** How demo mode chosen in the wizard starts its sandbox; a child process by default. */
  startSandbox?: () => Promise<RunningSandbox>;
  /** How long each start-up phase took (modules, database, demo staff, services), for the bench. */
  onPhase?: PhaseTimer;
  /** Only for tests: how long a call made during start-up waits before it hears 正在启动. */
  startWaitMs?: number;
  /** How long the services wait for the page's first call before they load anyway. */
  pageWaitMs?: number;
}

/**
 * Loading the services' code keeps this process busy for a while (half a second on a quiet
 * 2-core machine, seconds on a loaded one), and the window's files are served by the same
 * process: the page is served first, and the services load when it first calls (its scripts
 * have arrived) or after this long without a page (Electron, a browser opened later).
 */
const PAGE_WAIT_MS = 1_500;

/**
 * Serves the app on loopback at once and starts the services behind it: the first screen is
 * drawn while the sandbox center, the modules and the database start. API calls made meanwhile
 * wait for them (deferred-dispatch.ts). `ready` settles when the services have started or failed.
 * A restore staged from the backup panel closes and reopens the services in this process.
 */
export async function runBrowserMode(opts: BrowserModeOptions) {
  const tee = createTeeWriter();
  const log = createLogger(tee.write);
  const logFiles = openLogFiles(path.join(opts.dataDir, 'logs'));
  tee.attach(logFiles.write);

  let resolveReady!: (dispatch: Dispatch) => void;
  let rejectReady!: (err: unknown) => void;
  const dispatchReady = new Promise<Dispatch>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  dispatchReady.catch(() => undefined); // answered to callers through `ready`
  let pageCalled!: () => void;
  const pageOrTimeout = new Promise<void>((resolve) => {
    pageCalled = resolve;
    setTimeout(resolve, opts.pageWaitMs ?? PAGE_WAIT_MS).unref();
  });
  const dispatch = deferredDispatch(
    dispatchReady,
    opts.startWaitMs,
    earlyAnswers(appInfoBeforeStart(opts.mode, opts.version, 'browser')),
  );
  const host = await startHost({
    dispatch: (method, input, token) => {
      pageCalled();
      return dispatch(method, input, token);
    },
    staticDir: RENDERER_DIR,
    port: opts.port,
  });
  let runtime: CounterRuntime | undefined;
  const backend = pageOrTimeout.then(() =>
    startBackend(opts, log, (r) => {
      runtime = r;
    }),
  );
  backend.then((b) => resolveReady(b.dispatch), rejectReady);
  const ready = backend.then(() => undefined);
  ready.catch(() => undefined); // the caller awaits it
  return {
    url: host.url,
    ready,
    /** 'setup' until the wizard ends, then the mode it chose; the start mode until services run. */
    current: () => runtime?.current() ?? { mode: opts.mode.kind, sandboxUrl: undefined },
    async close() {
      await host.close();
      const started = await backend.catch(() => null);
      await started?.close();
      logFiles.close();
    },
  };
}

/**
 * The counter's services behind one dispatch that outlives them (restartable-backend.ts). A
 * restart opens the mode the folder is now in: a wizard that ended is not shown again.
 */
async function startBackend(
  opts: BrowserModeOptions,
  log: Logger,
  opened: (runtime: CounterRuntime) => void,
) {
  const importStart = performance.now();
  // The services' modules load while the sandbox process starts: neither waits for the other.
  const modules = import('./browser-services').then((m) => {
    opts.onPhase?.('modules', performance.now() - importStart);
    return m;
  });
  modules.catch(() => undefined); // awaited below
  const sandboxUrl = await opts.sandboxUrl;
  let mode: StartMode =
    opts.mode.kind === 'demo' && !opts.mode.sandboxUrl && sandboxUrl
      ? { kind: 'demo', sandboxUrl }
      : opts.mode;
  const { startBrowserServices } = await modules;
  return startRestartableBackend(async (restart) => {
    const runtime = await startBrowserServices({
      dataDir: opts.dataDir,
      version: opts.version,
      mode,
      log,
      store: opts.store,
      onPhase: opts.onPhase,
      startSandbox: opts.startSandbox,
      restart,
    });
    opened(runtime);
    return {
      dispatch: runtime.dispatch,
      async close() {
        mode = modeAfter(mode, runtime, opts.dataDir);
        await runtime.close();
      },
    };
  }, log);
}

function modeAfter(started: StartMode, runtime: CounterRuntime, dataDir: string): StartMode {
  const now = runtime.current();
  if (now.mode === 'real' && started.kind !== 'real') {
    return { kind: 'real', centerConfigFile: storedCenterConfigOf(dataDir) };
  }
  if (now.mode === 'demo' && started.kind !== 'demo') return { kind: 'demo' };
  return started;
}
