import path from 'node:path';
import { openCounterRuntime } from '../api/counter-runtime';
import { DataDirLockedError, isDataDirLocked } from '../services/app-services';
import { loadConfig, PROJECT_ROOT } from '../services/config';
import { openLogFiles } from '../services/log-files';
import { createLogger, createTeeWriter } from '../services/logger';
import { resolveStartMode } from '../services/setup/data-folder-mode';
import { storeModeFromEnvIfSet } from '../services/store-mode';
import { BACKEND_OPTIONS_ENV, backendOptions } from './backend/protocol';
import { type BackendHooks, type ServedRuntime, serveBackend } from './backend/serve-backend';
import { portToParent } from './backend/transport';

/**
 * The desktop app's backend process (D36): SQLite, SM2, PDF and ZIP work run here, not in
 * Electron's main process. Started by the shell (Electron's utilityProcess; child_process.fork
 * in tests) with its options in EPC_BACKEND; the start mode comes from the environment and the
 * data folder as before (EPC_MODE, EPC_CENTER_CONFIG, EPC_SANDBOX_URL, the wizard).
 */
const options = backendOptions.parse(JSON.parse(process.env[BACKEND_OPTIONS_ENV] ?? '{}'));
const logTee = createTeeWriter();
const log = createLogger(logTee.write);

async function openRuntime(hooks: BackendHooks): Promise<ServedRuntime> {
  const { dataDir, nativeBinding } = options;
  // Before asking for an embedded sandbox for nothing; the services take the lock for real.
  if (isDataDirLocked(dataDir, nativeBinding)) throw new DataDirLockedError(dataDir);
  logTee.attach(openLogFiles(path.join(dataDir, 'logs')).write);
  const envStore = storeModeFromEnvIfSet(process.env);
  const runtime = await openCounterRuntime({
    mode: resolveStartMode(process.env, dataDir),
    dataDir,
    policyDir: path.join(PROJECT_ROOT, 'config/policy'),
    log,
    nativeBinding,
    configFor: (source) =>
      loadConfig({
        mode: 'desktop',
        version: options.version,
        dataDir,
        ...source,
        ...(options.sandboxConfigFile ? { sandboxConfigFile: options.sandboxConfigFile } : {}),
        nativeBinding,
        // The EPC_STORE_* variables override what the set-up wizard recorded in the folder.
        ...(envStore ? { store: envStore } : {}),
      }),
    startSandbox: hooks.startSandbox,
    restart: hooks.restart,
  });
  return {
    dispatch: runtime.dispatch,
    current: runtime.current,
    desktop: () => runtime.services()?.desktop ?? null,
    close: runtime.close,
  };
}

// A moment for the last message to leave before the process ends.
const exit = (code: number) => setTimeout(() => process.exit(code), 100);
serveBackend(portToParent(), openRuntime, exit, log);
