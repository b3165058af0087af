import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../services/config';
import { runBrowserMode } from './run-browser-mode';

/** `node --import tsx src/host/main.ts`: browser mode alone, against EPC_SANDBOX_URL or EPC_CENTER_CONFIG. */
const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  version: string;
};
const app = await runBrowserMode({
  port: Number(process.env.PORT ?? 5180),
  dataDir: process.env.EPC_DATA_DIR ?? path.join(PROJECT_ROOT, '.data/app'),
  version: pkg.version,
  sandboxUrl: process.env.EPC_SANDBOX_URL,
  centerConfigFile: process.env.EPC_CENTER_CONFIG,
});
console.log(`BROWSER_READY ${app.url}`);
const stop = () => void app.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
