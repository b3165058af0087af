import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../services/config';
import { resolveStartMode } from '../services/setup/data-folder-mode';
import { storeModeFromEnvIfSet } from '../services/store-mode';
import { runBrowserMode } from './run-browser-mode';

/**
 * `node --import tsx src/host/main.ts`: browser mode alone, against EPC_SANDBOX_URL,
 * EPC_CENTER_CONFIG, the data folder's own configuration, or the first-run wizard
 * (EPC_MODE=setup or an unconfigured folder); a counter of a store with
 * EPC_STORE_URL/COUNTER/SECRET (services/store-mode.ts).
 */
const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  version: string;
};
const fail = (err: unknown): never => {
  // One line (e.g. "柜台程序已在运行…" when another counter holds the data folder), then a failure code.
  // (Told by name: the services' modules load only after the server listens.)
  const locked = err instanceof Error && err.name === 'DataDirLockedError';
  console.error(locked ? err.message : `启动失败：${String(err)}`);
  process.exit(1);
};
const dataDir = process.env.EPC_DATA_DIR ?? path.join(PROJECT_ROOT, '.data/app');
const app = await Promise.resolve()
  .then(() =>
    runBrowserMode({
      port: Number(process.env.PORT ?? 5180),
      dataDir,
      version: pkg.version,
      mode: resolveStartMode(process.env, dataDir),
      store: storeModeFromEnvIfSet(process.env),
    }),
  )
  .catch(fail);
console.log(`BROWSER_LISTENING ${app.url}`);
await app.ready.catch(fail);
console.log(`BROWSER_READY ${app.url}`);
const stop = () => void app.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
