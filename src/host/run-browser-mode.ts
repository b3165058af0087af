import path from 'node:path';
import {
  type CounterRuntime,
  openCounterRuntime,
  type RunningSandbox,
} from '../api/counter-runtime';
import { loadConfig, PROJECT_ROOT } from '../services/config';
import { createLogger } from '../services/logger';
import type { StartMode } from '../services/setup/data-folder-mode';
import type { StoreMode } from '../services/store-mode';
import { startSandboxProcess } from './sandbox-process';
import { startHost } from './server';

export interface BrowserModeOptions {
  port: number;
  dataDir: string;
  version: string;
  /** Real center, demo (sandbox) or the first-run wizard (services/setup/data-folder-mode.ts). */
  mode: StartMode;
  /** Single counter unless set (issue 17). */
  store?: StoreMode;
  /** How demo mode chosen in the wizard starts its sandbox; a child process by default. */
  startSandbox?: () => Promise<RunningSandbox>;
}

/** Starts the services and serves the app on loopback; what `npm start` falls back to. */
export async function runBrowserMode(opts: BrowserModeOptions) {
  const log = createLogger();
  const runtime: CounterRuntime = await openCounterRuntime({
    mode: opts.mode,
    dataDir: opts.dataDir,
    policyDir: path.join(PROJECT_ROOT, 'config/policy'),
    log,
    configFor: (source) =>
      loadConfig({
        mode: 'browser',
        version: opts.version,
        dataDir: opts.dataDir,
        ...source,
        ...(opts.store ? { store: opts.store } : {}),
      }),
    startSandbox: opts.startSandbox ?? (() => sandboxChild(opts.dataDir)),
  });
  const host = await startHost({
    dispatch: runtime.dispatch,
    staticDir: path.join(PROJECT_ROOT, 'dist/renderer'),
    port: opts.port,
  }).catch(async (err: unknown) => {
    await runtime.close();
    throw err;
  });
  return {
    url: host.url,
    current: runtime.current,
    async close() {
      await host.close();
      await runtime.close();
    },
  };
}

/** The sandbox for a demo chosen in the wizard: its database beside the counter's folder. */
async function sandboxChild(dataDir: string): Promise<RunningSandbox> {
  const { url, child } = await startSandboxProcess({
    SANDBOX_PORT: '0',
    SANDBOX_DB: path.join(path.dirname(dataDir), 'sandbox/sandbox.db'),
  });
  return { url, stop: () => child.kill('SIGTERM') };
}
