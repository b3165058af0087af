import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  utilityProcess,
} from 'electron';
import { openCounterRuntime } from '../src/api/counter-runtime';
import type { Dispatch } from '../src/api/dispatch';
import { DEFAULT_PRINT_SETTINGS } from '../src/domain/desktop/print-settings';
import { DataDirLockedError, isDataDirLocked } from '../src/services/app-services';
import { loadConfig, PROJECT_ROOT } from '../src/services/config';
import type { DesktopService } from '../src/services/desktop/desktop-service';
import { openLogFiles } from '../src/services/log-files';
import { createLogger, createTeeWriter } from '../src/services/logger';
import { resolveStartMode } from '../src/services/setup/data-folder-mode';
import { storeModeFromEnvIfSet } from '../src/services/store-mode';

import { kickCashDrawer } from './cash-drawer';
import { guardClose } from './close-guard';
import { electronUpdaterBackend } from './electron-updater-backend';
import { answerApiCall } from './ipc-api';
import { RENDERER_ORIGIN } from './ipc-guard';
import { answerPrintCall } from './printer';
import { serveRenderer } from './renderer-protocol';
import { allowSerialPorts } from './serial-session';
import { claimSingleInstance } from './single-instance';
import { UpdateController } from './update-controller';
import { MIN_WINDOW, placeWindow } from './window-state';
import { loadWindowState, saveWindowState } from './window-state-file';

/**
 * The desktop shell: a sandboxed, context-isolated renderer without Node, a strict CSP, no
 * navigation or new windows, and one validated IPC channel to the same services browser mode uses.
 */
const appRoot = app.getAppPath();
const resources = app.isPackaged
  ? (process as NodeJS.Process & { resourcesPath: string }).resourcesPath
  : appRoot;
const logTee = createTeeWriter();
const log = createLogger(logTee.write);

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
const firstInstance = claimSingleInstance(app, focusMainWindow);

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

/**
 * The packaged app's first start (no EPC_MODE, no configuration in the user-data folder) opens
 * the set-up wizard; npm start passes its sandbox's URL (demo) and EPC_CENTER_CONFIG still wins.
 * `desktop` is null while the wizard runs (no services yet: nothing to print, nothing pending).
 */
async function createDispatch(): Promise<{
  dispatch: Dispatch;
  desktop(): DesktopService | null;
  close(): Promise<void>;
}> {
  const dataDir = process.env.EPC_DATA_DIR || app.getPath('userData');
  // Before starting an embedded sandbox for nothing; the services take the lock for real.
  if (isDataDirLocked(dataDir, nativeBinding())) throw new DataDirLockedError(dataDir);
  logTee.attach(openLogFiles(path.join(dataDir, 'logs')).write);
  const pkg = JSON.parse(readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  const runtime = await openCounterRuntime({
    mode: resolveStartMode(process.env, dataDir),
    dataDir,
    policyDir: path.join(PROJECT_ROOT, 'config/policy'),
    log,
    nativeBinding: nativeBinding(),
    configFor: (source) =>
      loadConfig({
        mode: 'desktop',
        version: pkg.version,
        dataDir,
        ...source,
        sandboxConfigFile: path.join(resources, 'config/sandbox.json'),
        nativeBinding: nativeBinding(),
        store: storeModeFromEnvIfSet(process.env),
      }),
    startSandbox: startEmbeddedSandbox,
    // A staged restore is applied at start: the desktop program relaunches itself for it.
    restart: relaunch,
  });
  return {
    dispatch: runtime.dispatch,
    desktop: () => runtime.services()?.desktop ?? null,
    close: runtime.close,
  };
}

let backendClose: (() => Promise<void>) | null = null;

function relaunch(): void {
  log.warn('app.relaunch', { reason: 'restore' });
  void (backendClose?.() ?? Promise.resolve()).finally(() => {
    app.relaunch();
    app.exit(0);
  });
}

const NOTHING_PENDING = { uploadsPending: 0, settlementsInProgress: 0, outcomesUnknown: 0 };

function createWindow(backend: { desktop(): DesktopService | null }): void {
  const userData = app.getPath('userData');
  const placement = placeWindow(
    loadWindowState(userData),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    ...(placement.bounds ?? { width: 1366, height: 768 }),
    minWidth: MIN_WINDOW.width,
    minHeight: MIN_WINDOW.height,
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
  guardClose(
    win,
    () => backend.desktop()?.pendingWork() ?? NOTHING_PENDING,
    (question) =>
      dialog.showMessageBoxSync(win, {
        type: 'warning',
        title: '退出柜台程序',
        message: question.message,
        detail: question.details.join('\n'),
        buttons: ['继续工作', '仍然退出'],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      }) === 1,
  );
  win.on('close', () =>
    saveWindowState(userData, { bounds: win.getNormalBounds(), maximized: win.isMaximized() }),
  );
  const wc = win.webContents;
  wc.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${RENDERER_ORIGIN}/`)) event.preventDefault();
  });
  wc.on('will-attach-webview', (event) => event.preventDefault());
  wc.setWindowOpenHandler(() => ({ action: 'deny' }));
  // For our own renderer only: the camera (paper-prescription capture) and serial scanners.
  allowSerialPorts(wc.session);
  win.once('ready-to-show', () => {
    if (placement.maximized) win.maximize();
    win.show();
  });
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
  backendClose = backend.close;
  const updates = updateController(backend.desktop);
  ipcMain.handle('api', async (event, ...args) => {
    const result = await answerApiCall(event.senderFrame?.url, args, backend.dispatch);
    // The shift's close is when a downloaded update is installed (never mid-settlement).
    if (args[0] === 'shift.close' && result.ok) updates.installNow();
    return result;
  });
  ipcMain.handle('print', (event, job: unknown) =>
    answerPrintCall(
      event.senderFrame?.url,
      job,
      event.sender,
      backend.desktop()?.print() ?? DEFAULT_PRINT_SETTINGS,
      kickCashDrawer,
    ),
  );
  ipcMain.handle('update-install', (event) =>
    event.senderFrame?.url?.startsWith(`${RENDERER_ORIGIN}/`) ? updates.installNow() : null,
  );
  app.on('before-quit', () => void backend.close());
  app.on('window-all-closed', () => app.quit());
  createWindow(backend);
  void updates.checkIfDue();
  setInterval(() => void updates.checkIfDue(), 60 * 60 * 1000).unref();
});

/** Updates from the feed set in F10: checked daily (hourly ticks), downloaded in the background. */
function updateController(desktop: () => DesktopService | null): UpdateController {
  const controller: UpdateController = new UpdateController({
    backend: electronUpdaterBackend((version) => controller.downloaded(version)),
    currentVersion: app.getVersion(),
    feedUrl: () => desktop()?.update().feedUrl ?? null,
    pendingWork: () => desktop()?.pendingWork() ?? NOTHING_PENDING,
    now: Date.now,
    lastCheck: {
      get: () => desktop()?.lastUpdateCheck.get() ?? null,
      set: (at: number) => desktop()?.lastUpdateCheck.set(at),
    },
  });
  return controller;
}
