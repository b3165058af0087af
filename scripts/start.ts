import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataDirLockedError, isDataDirLocked } from '../src/store/data-dir-lock';
import {
  ensureRendererBuilt,
  findElectronBinary,
  ROOT,
  startSandboxProcess,
} from './lib/processes';

/**
 * `npm start`: the Electron window where the desktop runtime is installed; otherwise one line
 * saying so and the same app in browser mode. With no center configured (EPC_CENTER_CONFIG),
 * the sandbox center starts as the embedded default.
 */
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
};
const forceBrowser = process.argv.includes('--browser') || process.env.EPC_BROWSER_MODE === '1';
const centerConfigFile = process.env.EPC_CENTER_CONFIG;
const dataDir = process.env.EPC_DATA_DIR ?? path.join(ROOT, '.data/app');
const children: ChildProcess[] = [];
/** Where start-up time goes (ms since this process started), printed with BROWSER_READY. */
const phases: Array<[string, number]> = [];
const mark = (phase: string) => phases.push([phase, performance.now()]);

function electronVersion(): string {
  const manifest = path.join(ROOT, 'node_modules/electron/package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

function shutdown(code = 0): never {
  for (const c of children) c.kill('SIGTERM');
  process.exit(code);
}

async function main() {
  mark('imports');
  // Say so before starting a sandbox or a window; the counter itself takes the lock for real.
  if (isDataDirLocked(dataDir)) {
    console.error(new DataDirLockedError(dataDir).message);
    shutdown(1);
  }
  await ensureRendererBuilt();
  mark('renderer');

  // The app's modules load while the sandbox process starts (two cores): neither waits for the
  // other. The Electron build tools are loaded only when a window is to be started.
  const electron = forceBrowser ? null : findElectronBinary();
  const browserMode = electron ? null : import('../src/host/run-browser-mode');
  browserMode?.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile

  let sandboxUrl: string | undefined;
  if (!centerConfigFile) {
    const sandbox = await startSandboxProcess({
      SANDBOX_PORT: process.env.SANDBOX_PORT ?? '0',
      SANDBOX_DB: process.env.SANDBOX_DB ?? path.join(ROOT, '.data/sandbox/sandbox.db'),
    });
    children.push(sandbox.child);
    sandbox.child.once('exit', (code) => {
      console.error(`沙箱中心已退出（退出码 ${code}）`);
      shutdown(1);
    });
    sandboxUrl = sandbox.url;
  }
  mark('sandbox');

  if (electron) {
    const { buildElectron } = await import('./build-electron');
    const { buildElectronNative } = await import('./build-electron-native');
    await buildElectron();
    const host = process.platform;
    const arch = process.arch;
    if ((host === 'win32' || host === 'linux') && (arch === 'x64' || arch === 'arm64')) {
      await buildElectronNative(electronVersion(), { platform: host, arch });
    }
    const child = spawn(electron, [ROOT], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, EPC_SANDBOX_URL: sandboxUrl ?? '', EPC_DATA_DIR: dataDir },
    });
    children.push(child);
    child.once('exit', (code) => shutdown(code ?? 0));
    return;
  }

  if (!forceBrowser) {
    console.log(
      '未检测到 Electron 桌面运行时（electron 未安装或其二进制无法下载），改为浏览器模式启动同一应用。',
    );
  }
  const { runBrowserMode } = await (browserMode ?? import('../src/host/run-browser-mode'));
  mark('modules');
  const app = await runBrowserMode({
    port: Number(process.env.PORT ?? 5180),
    dataDir,
    version: pkg.version,
    sandboxUrl,
    centerConfigFile,
  });
  mark('app');
  console.log(
    `浏览器模式已启动：${app.url}  （${sandboxUrl ? `沙箱中心 ${sandboxUrl}` : '真实医保中心'}）`,
  );
  console.log(`STARTUP_PHASES ${phaseDurations()}`);
  console.log(`BROWSER_READY ${app.url} sandbox=${sandboxUrl ?? 'none'}`);
  const stop = () => void app.close().finally(() => shutdown(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** `imports=412 renderer=3 sandbox=620 modules=0 app=540`: each phase's own milliseconds. */
function phaseDurations(): string {
  return phases
    .map(([phase, at], i) => `${phase}=${Math.round(at - (phases[i - 1]?.[1] ?? 0))}`)
    .join(' ');
}

main().catch((err: unknown) => {
  if (err instanceof DataDirLockedError) console.error(err.message);
  else console.error(`启动失败：${err instanceof Error ? err.message : String(err)}`);
  shutdown(1);
});
