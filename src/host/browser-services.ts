import path from 'node:path';
import {
  type CounterRuntime,
  openCounterRuntime,
  type RunningSandbox,
} from '../api/counter-runtime';
import { loadConfig, PROJECT_ROOT } from '../services/config';
import type { Logger } from '../services/logger';
import type { StartMode } from '../services/setup/data-folder-mode';
import type { PhaseTimer } from '../services/start-phases';
import type { StoreMode } from '../services/store-mode';
import { startSandboxProcess } from './sandbox-process';

export interface BrowserServicesOptions {
  dataDir: string;
  version: string;
  mode: StartMode;
  log: Logger;
  store?: StoreMode | undefined;
  onPhase?: PhaseTimer | undefined;
  startSandbox?: (() => Promise<RunningSandbox>) | undefined;
  /** How the services ask to be closed and opened again (a staged restore). */
  restart?: (() => void) | undefined;
}

/**
 * The services behind browser mode, loaded after the window is already served (issue 20): the
 * counter in its start mode, or the set-up wizard that hands over to it (issue 14).
 */
export function startBrowserServices(opts: BrowserServicesOptions): Promise<CounterRuntime> {
  return openCounterRuntime({
    mode: opts.mode,
    dataDir: opts.dataDir,
    policyDir: path.join(PROJECT_ROOT, 'config/policy'),
    log: opts.log,
    onPhase: opts.onPhase,
    restart: opts.restart,
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
}

/** The sandbox for a demo chosen in the wizard: its database beside the counter's folder. */
async function sandboxChild(dataDir: string): Promise<RunningSandbox> {
  const { url, child } = await startSandboxProcess({
    SANDBOX_PORT: '0',
    SANDBOX_DB: path.join(path.dirname(dataDir), 'sandbox/sandbox.db'),
  });
  return { url, stop: () => child.kill('SIGTERM') };
}
