import path from 'node:path';
import type { Dispatch } from '../api/dispatch';
import type { PhaseTimer } from '../services/start-phases';
import type { StoreMode } from '../services/store-mode';
import { deferredDispatch } from './deferred-dispatch';
import { startHost } from './server';

/** The built renderer (this file is src/host/). */
const RENDERER_DIR = path.resolve(import.meta.dirname ?? '.', '../../dist/renderer');

export interface BrowserModeOptions {
  port: number;
  dataDir: string;
  version: string;
  /** The sandbox center's address, or the promise of it while the sandbox process starts. */
  sandboxUrl?: string | undefined | Promise<string | undefined>;
  centerConfigFile?: string | undefined;
  /** Single counter unless set (issue 17). */
  store?: StoreMode;
  /** How long each start-up phase took (modules, database, demo staff, services), for the bench. */
  onPhase?: PhaseTimer;
  /** Only for tests: how long a call made during start-up waits before it hears 正在启动. */
  startWaitMs?: number;
}

/**
 * Serves the app on loopback at once and starts the services behind it: the log-in screen is
 * drawn while the sandbox center, the modules and the database start. API calls made meanwhile
 * wait for them (deferred-dispatch.ts). `ready` settles when the services have started or failed.
 */
export async function runBrowserMode(opts: BrowserModeOptions) {
  let resolveReady!: (dispatch: Dispatch) => void;
  let rejectReady!: (err: unknown) => void;
  const dispatchReady = new Promise<Dispatch>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  dispatchReady.catch(() => undefined); // answered to callers through `ready`
  const host = await startHost({
    dispatch: deferredDispatch(dispatchReady, opts.startWaitMs),
    staticDir: RENDERER_DIR,
    port: opts.port,
  });
  const services = startServices(opts);
  services.then((s) => resolveReady(s.dispatch), rejectReady);
  const ready = services.then(() => undefined);
  ready.catch(() => undefined); // the caller awaits it
  return {
    url: host.url,
    ready,
    async close() {
      await host.close();
      const started = await services.catch(() => null);
      await started?.close();
    },
  };
}

async function startServices(opts: BrowserModeOptions) {
  const importStart = performance.now();
  // The services' modules load while the sandbox process starts: neither waits for the other.
  const modules = import('./browser-services').then((m) => {
    opts.onPhase?.('modules', performance.now() - importStart);
    return m;
  });
  modules.catch(() => undefined); // awaited below
  const sandboxUrl = await opts.sandboxUrl;
  const { startBrowserServices } = await modules;
  return startBrowserServices({
    dataDir: opts.dataDir,
    version: opts.version,
    sandboxUrl,
    centerConfigFile: opts.centerConfigFile,
    store: opts.store,
    onPhase: opts.onPhase,
  });
}
