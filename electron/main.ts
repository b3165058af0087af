import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, utilityProcess } from 'electron';
import { createDispatcher, type Dispatch } from '../src/api/dispatch';
import {
  createAppServices,
  DataDirLockedError,
  isDataDirLocked,
} from '../src/services/app-services';
import { loadConfig } from '../src/services/config';
import { createLogger } from '../src/services/logger';
import { storeModeFromEnv } from '../src/services/store-mode';

import { answerApiCall } from './ipc-api';
import { RENDERER_ORIGIN } from './ipc-guard';
import { serveRenderer } from './renderer-protocol';
import { allowSerialPorts } from './serial-session';

/**
 * The desktop shell: a sandboxed, context-isolated renderer without Node, a strict CSP, no
 * navigation or new windows, and one validated IPC channel to the same services browser mode uses.
 */
const appRoot = app.getAppPath();
const resources = app.isPackaged
  ? (process as NodeJS.Process & { resourcesPath: string }).resourcesPath
  : appRoot;
const log = createLogger();

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;

/** A second launch hands over to the running counter: bring its window to the front. */
function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

// Same user profile: Electron's own lock; the first instance gets 'second-instance' and focuses.
// Any other process on the same data folder is stopped by the data-folder lock (createAppServices).
const firstInstance = app.requestSingleInstanceLock();
if (!firstInstance) {
  console.error('柜台程序已在运行，已切换到已打开的柜台窗口');
  app.exit(1);
}
app.on('second-instance', focusMainWindow);

/** Packaged or not, with no center configured the sandbox runs as a utility process. */
function startEmbeddedSandbox(): Promise<{ url: string; stop(): void }> {
  const child = utilityProcess.fork(path.join(appRoot, 'dist-electron/sandbox.cjs'), [], {
    stdio: 'pipe',
    env: {
      ...process.env,
      SANDBOX_PORT: '0',
      SANDBOX_DB: path.join(app.getPath('userData'), 'sandbox/sandbox.db'),
      SANDBOX_CONFIG: path.join(resources, 'config/sandbox.json'),
      ...(nativeBinding() ? { SANDBOX_NATIVE_BINDING: nativeBinding() } : {}),
    },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /SANDBOX_READY (\S+)/.exec(out);
      if (m?.[1]) resolve({ url: m[1], stop: () => child.kill() });
    });
    child.once('exit', (code) => reject(new Error(`沙箱中心启动失败（退出码 ${code}）`)));
  });
}

/** better-sqlite3 built for Electron and this platform/arch (unpacked beside app.asar when packaged). */
function nativeBinding(): string | undefined {
  const target = `${process.platform}-${process.arch}`;
  const candidates = [
    path.join(resources, 'app.asar.unpacked/native', target, 'better_sqlite3.node'),
    path.join(appRoot, '.cache/electron-native', target, 'better_sqlite3.node'),
  ];
  return candidates.find((p) => existsSync(p));
}

async function createDispatch(): Promise<{ dispatch: Dispatch; close(): Promise<void> }> {
  const centerConfigFile = process.env.EPC_CENTER_CONFIG || undefined;
  const dataDir = process.env.EPC_DATA_DIR || app.getPath('userData');
  // Before starting an embedded sandbox for nothing; createAppServices takes the lock for real.
  if (isDataDirLocked(dataDir, nativeBinding())) throw new DataDirLockedError(dataDir);
  let sandbox: { url: string; stop(): void } | undefined;
  let sandboxUrl = process.env.EPC_SANDBOX_URL || undefined;
  if (!centerConfigFile && !sandboxUrl) {
    sandbox = await startEmbeddedSandbox();
    sandboxUrl = sandbox.url;
  }
  const pkg = JSON.parse(readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  const config = loadConfig({
    mode: 'desktop',
    version: pkg.version,
    dataDir,
    centerConfigFile,
    sandboxUrl,
    sandboxConfigFile: path.join(resources, 'config/sandbox.json'),
    nativeBinding: nativeBinding(),
    store: storeModeFromEnv(process.env),
  });
  const services = await createAppServices(config, log);
  return {
    dispatch: createDispatcher(services, log),
    async close() {
      await services.close();
      sandbox?.stop();
    },
  };
}

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: '医保电子处方药店柜台',
    backgroundColor: '#f5f7fa',
    autoHideMenuBar: true,
    webPreferences: {
      preload: path.join(appRoot, 'dist-electron/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  const wc = win.webContents;
  wc.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${RENDERER_ORIGIN}/`)) event.preventDefault();
  });
  wc.on('will-attach-webview', (event) => event.preventDefault());
  wc.setWindowOpenHandler(() => ({ action: 'deny' }));
  // For our own renderer only: the camera (paper-prescription capture) and serial scanners.
  allowSerialPorts(wc.session);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${RENDERER_ORIGIN}/index.html`);
  mainWindow = win;
}

async function openBackend(): Promise<Awaited<ReturnType<typeof createDispatch>> | null> {
  try {
    return await createDispatch();
  } catch (err) {
    if (!(err instanceof DataDirLockedError)) throw err;
    // Another counter (not this profile's, which Electron's own lock catches) holds the folder.
    console.error(err.message);
    dialog.showErrorBox('柜台程序已在运行', err.message);
    app.exit(1);
    return null;
  }
}

app.whenReady().then(async () => {
  if (!firstInstance) return;
  Menu.setApplicationMenu(null);
  const rendererRoot = path.join(appRoot, 'dist/renderer');
  protocol.handle('app', (request) => serveRenderer(request, rendererRoot));
  const backend = await openBackend();
  if (!backend) return;
  ipcMain.handle('api', (event, ...args) =>
    answerApiCall(event.senderFrame?.url, args, backend.dispatch),
  );
  app.on('before-quit', () => void backend.close());
  app.on('window-all-closed', () => app.quit());
  createWindow();
});
