import { createDispatcher, type Dispatch } from '../api/dispatch';
import { createAppServices } from '../services/app-services';
import { loadConfig } from '../services/config';
import { createLogger } from '../services/logger';
import type { PhaseTimer } from '../services/start-phases';
import type { StoreMode } from '../services/store-mode';

export interface BrowserServicesOptions {
  dataDir: string;
  version: string;
  sandboxUrl: string | undefined;
  centerConfigFile: string | undefined;
  store?: StoreMode | undefined;
  onPhase?: PhaseTimer | undefined;
}

/** The services behind browser mode: loaded after the window is already served (issue 20). */
export async function startBrowserServices(
  opts: BrowserServicesOptions,
): Promise<{ dispatch: Dispatch; close(): Promise<void> }> {
  const log = createLogger();
  const config = loadConfig({
    mode: 'browser',
    version: opts.version,
    dataDir: opts.dataDir,
    centerConfigFile: opts.centerConfigFile,
    sandboxUrl: opts.sandboxUrl,
    ...(opts.store ? { store: opts.store } : {}),
  });
  const services = await createAppServices(config, log, opts.onPhase);
  return { dispatch: createDispatcher(services, log), close: () => services.close() };
}
