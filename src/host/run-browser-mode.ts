import path from 'node:path';
import { createDispatcher } from '../api/dispatch';
import { createAppServices } from '../services/app-services';
import { loadConfig, PROJECT_ROOT } from '../services/config';
import { openLogFiles } from '../services/log-files';
import { createLogger, createTeeWriter } from '../services/logger';
import type { StoreMode } from '../services/store-mode';
import { startRestartableBackend } from './restartable-backend';
import { startHost } from './server';

export interface BrowserModeOptions {
  port: number;
  dataDir: string;
  version: string;
  sandboxUrl?: string | undefined;
  centerConfigFile?: string | undefined;
  /** Single counter unless set (issue 17). */
  store?: StoreMode;
}

/** Starts the services and serves the app on loopback; what `npm start` falls back to. */
export async function runBrowserMode(opts: BrowserModeOptions) {
  const tee = createTeeWriter();
  const log = createLogger(tee.write);
  const logFiles = openLogFiles(path.join(opts.dataDir, 'logs'));
  tee.attach(logFiles.write);
  const config = loadConfig({
    mode: 'browser',
    version: opts.version,
    dataDir: opts.dataDir,
    centerConfigFile: opts.centerConfigFile,
    sandboxUrl: opts.sandboxUrl,
    ...(opts.store ? { store: opts.store } : {}),
  });
  const backend = await startRestartableBackend(async (restart) => {
    const services = await createAppServices(config, log, { restart });
    return { dispatch: createDispatcher(services, log), close: () => services.close() };
  }, log);
  const host = await startHost({
    dispatch: backend.dispatch,
    staticDir: path.join(PROJECT_ROOT, 'dist/renderer'),
    port: opts.port,
  });
  return {
    url: host.url,
    async close() {
      await host.close();
      await backend.close();
      logFiles.close();
    },
  };
}
