import type { SetupDone } from '../contract/types-setup';
import { createAppServices } from '../services/app-services';
import type { AppConfig } from '../services/config';
import type { Logger } from '../services/logger';
import {
  markDemoFolder,
  type StartMode,
  storedCenterConfigOf,
} from '../services/setup/data-folder-mode';
import { createSetupService } from '../services/setup/setup-service';
import type { PhaseTimer } from '../services/start-phases';
import { createDispatcher, type Dispatch } from './dispatch';
import { createSetupDispatcher } from './setup-dispatch';

export interface RunningSandbox {
  url: string;
  stop(): void;
}

export type CenterSource = { centerConfigFile: string } | { sandboxUrl: string };

export interface CounterRuntimeDeps {
  mode: StartMode;
  dataDir: string;
  policyDir: string;
  log: Logger;
  nativeBinding?: string | undefined;
  /** How long each start-up phase of the services took, for the bench. */
  onPhase?: PhaseTimer | undefined;
  /** How this program closes and opens its services again (a restore staged from the app). */
  restart?: (() => void) | undefined;
  /** The app configuration for a real center's file or a running sandbox. */
  configFor(source: CenterSource): AppConfig;
  /** Starts the embedded sandbox center: demo/training mode only. */
  startSandbox(): Promise<RunningSandbox>;
}

export interface CounterRuntime {
  /** One entry for the transports: the wizard's dispatcher until set-up ends, then the counter's. */
  dispatch: Dispatch;
  /** 'setup' until the wizard ends; then the mode it chose. */
  current(): { mode: 'setup' | 'demo' | 'real'; sandboxUrl: string | undefined };
  /** The counter's services once they run (null while the wizard does). */
  services(): Awaited<ReturnType<typeof createAppServices>> | null;
  close(): Promise<void>;
}

/**
 * Opens the counter in the start mode: real (a configuration file), demo (the sandbox started
 * here unless one runs already, demo staff seeded) or the set-up wizard, which hands over to
 * one of the other two without a restart.
 */
export async function openCounterRuntime(deps: CounterRuntimeDeps): Promise<CounterRuntime> {
  let sandbox: RunningSandbox | undefined;
  let sandboxUrl: string | undefined;
  let services: Awaited<ReturnType<typeof createAppServices>> | undefined;
  let mode: 'setup' | 'demo' | 'real' = deps.mode.kind;

  async function openServices(source: CenterSource): Promise<Dispatch> {
    services = await createAppServices(deps.configFor(source), deps.log, {
      onPhase: deps.onPhase,
      restart: deps.restart,
    });
    return createDispatcher(services, deps.log);
  }

  async function openDemo(runningUrl?: string): Promise<Dispatch> {
    markDemoFolder(deps.dataDir);
    if (runningUrl) sandboxUrl = runningUrl;
    else {
      sandbox = await deps.startSandbox();
      sandboxUrl = sandbox.url;
    }
    mode = 'demo';
    return openServices({ sandboxUrl });
  }

  let current: Dispatch;
  let closeSetup: (() => void) | undefined;
  if (deps.mode.kind === 'real') {
    current = await openServices({ centerConfigFile: deps.mode.centerConfigFile });
  } else if (deps.mode.kind === 'demo') {
    current = await openDemo(deps.mode.sandboxUrl);
  } else {
    const setup = createSetupService(deps);
    let open = true;
    closeSetup = () => {
      if (open) setup.close();
      open = false;
    };
    const handOver = async (done: SetupDone) => {
      closeSetup?.();
      current =
        done.mode === 'demo'
          ? await openDemo()
          : await openServices({ centerConfigFile: storedCenterConfigOf(deps.dataDir) });
      if (done.mode === 'real') mode = 'real';
    };
    current = createSetupDispatcher(setup, deps.log, handOver);
  }

  return {
    dispatch: (method, input, token) => current(method, input, token),
    current: () => ({ mode, sandboxUrl }),
    services: () => services ?? null,
    async close() {
      closeSetup?.();
      await services?.close();
      sandbox?.stop();
    },
  };
}
