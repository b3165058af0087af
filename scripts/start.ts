import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  resolveStartMode,
  type StartMode,
  storedMode,
} from '../src/services/setup/data-folder-mode';
import { DataDirLockedError, isDataDirLocked } from '../src/store/data-dir-lock';
import {
  ensureRendererBuilt,
  findElectronBinary,
  ROOT,
  startSandboxProcess,
} from './lib/processes';

/**
 * `npm start`: the Electron window where the desktop runtime is installed; otherwise one line
 * saying so and the same app in browser mode. Demo/training mode on the embedded sandbox unless
 * a real center is configured (EPC_CENTER_CONFIG, or the data folder's own configuration) or
 * EPC_MODE=setup asks for the first-run wizard.
 */
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
};
const forceBrowser = process.argv.includes('--browser') || process.env.EPC_BROWSER_MODE === '1';
const dataDir = process.env.EPC_DATA_DIR ?? path.join(ROOT, '.data/app');
/**
 * The quick start goes straight into demo mode: npm start's explicit default for a folder not
 * yet set up (a folder set up for the real center keeps it; EPC_MODE=setup asks for the wizard).
 */
const startEnv = {
  ...process.env,
  EPC_MODE: process.env.EPC_MODE || (storedMode(dataDir) ? undefined : 'demo'),
};
const children: ChildProcess[] = [];
/** Where start-up time goes: each phase's own milliseconds, printed with BROWSER_READY. */
const phases: Array<[string, number]> = [];
let phaseStart = 0;
/** A phase of the path to listening, which runs one after the other from process start. */
const mark = (phase: string) => {
  const now = performance.now();
  phases.push([phase, now - phaseStart]);
  phaseStart = now;
};

function electronVersion(): string {
  const manifest = path.join(ROOT, 'node_modules/electron/package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

function shutdown(code = 0): never {
  for (const c of children) c.kill('SIGTERM');
  process.exit(code);
}

/** The sandbox center as its own process; the counter outlives it. */
async function startSandbox(): Promise<{ url: string; stop(): void }> {
  const started = performance.now();
  const sandbox = await startSandboxProcess({
    SANDBOX_PORT: process.env.SANDBOX_PORT ?? '0',
    SANDBOX_DB: process.env.SANDBOX_DB ?? path.join(ROOT, '.data/sandbox/sandbox.db'),
  });
  phases.push(['sandbox', performance.now() - started]);
  children.push(sandbox.child);
  // The counter runs on without its center, as with a real center that went down: the 医保中心离线
  // banner says what still works, and nothing local is lost (issue 19).
  sandbox.child.once('exit', (code, signal) => {
    console.error(
      `沙箱中心已退出（${signal ?? `退出码 ${code}`}）：柜台继续运行，医保中心按离线处理；重新启动程序即可恢复沙箱中心`,
    );
  });
  return { url: sandbox.url, stop: () => sandbox.child.kill('SIGTERM') };
}

/** A demo's sandbox, started now (alongside the window) unless one runs already. */
function demoSandboxUrl(mode: StartMode): Promise<string | undefined> {
  if (mode.kind !== 'demo') return Promise.resolve(undefined);
  if (mode.sandboxUrl) return Promise.resolve(mode.sandboxUrl);
  return startSandbox().then((s) => s.url);
}

function modeLine(kind: StartMode['kind'], sandboxUrl: string | undefined): string {
  if (kind === 'setup') return '首次设置向导：请在浏览器中完成设置';
  return sandboxUrl ? `沙箱中心 ${sandboxUrl}` : '真实医保中心';
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
  const mode = resolveStartMode(startEnv, dataDir);
  const electron = forceBrowser ? null : findElectronBinary();
  if (electron) return startElectron(electron, mode, await demoSandboxUrl(mode));

  if (!forceBrowser) {
    console.log(
      '未检测到 Electron 桌面运行时（electron 未安装或其二进制无法下载），改为浏览器模式启动同一应用。',
    );
  }
  // The window is served at once; the sandbox center, the services' modules and the database
  // start behind it, and API calls wait for them (src/host/deferred-dispatch.ts).
  const sandboxUrl = demoSandboxUrl(mode);
  sandboxUrl.catch(() => undefined); // awaited below, through app.ready
  const { runBrowserMode } = await import('../src/host/run-browser-mode');
  const app = await runBrowserMode({
    port: Number(process.env.PORT ?? 5180),
    dataDir,
    version: pkg.version,
    mode,
    sandboxUrl,
    startSandbox,
    onPhase: (phase, ms) => phases.push([phase, ms]),
  });
  mark('listening');
  console.log(`浏览器模式已启动：${app.url}  （正在启动柜台服务…）`);
  console.log(`BROWSER_LISTENING ${app.url}`);
  const stop = () => void app.close().finally(() => shutdown(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await app.ready;
  const center = await sandboxUrl;
  console.log(`柜台服务已就绪（${modeLine(mode.kind, center)}）`);
  console.log(`STARTUP_PHASES ${phases.map(([p, ms]) => `${p}=${Math.round(ms)}`).join(' ')}`);
  console.log(`BROWSER_READY ${app.url} sandbox=${center ?? 'none'}`);
}

/** The desktop window: its bundles are built first, and only then loaded. */
async function startElectron(electron: string, mode: StartMode, sandboxUrl: string | undefined) {
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
    env: {
      ...startEnv,
      ...(mode.kind === 'setup' ? { EPC_MODE: 'setup' } : {}),
      EPC_SANDBOX_URL: sandboxUrl ?? '',
      EPC_DATA_DIR: dataDir,
    },
  });
  children.push(child);
  child.once('exit', (code) => shutdown(code ?? 0));
}

main().catch((err: unknown) => {
  if (err instanceof DataDirLockedError) console.error(err.message);
  else console.error(`启动失败：${err instanceof Error ? err.message : String(err)}`);
  shutdown(1);
});
