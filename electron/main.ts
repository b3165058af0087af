import { existsSync } from 'node:fs';
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
import type { PendingWork } from '../src/domain/desktop/pending-work';
import {
  type BackendLink,
  type BackendStatus,
  startBackendLink,
} from '../src/host/backend/backend-link';
import { BACKEND_OPTIONS_ENV, type BackendOptions } from '../src/host/backend/protocol';
import { backendQuestions } from './backend-questions';
import { forkUtilityBackend } from './backend-utility';
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
 * navigation or new windows, and one validated IPC channel to the same services browser mode
 * uses. The services (SQLite, SM2, PDF, ZIP) run in a backend utility process (D36,
 * src/host/backend-process.ts); this process keeps the window, printing and updates.
 */
const appRoot = app.getAppPath();
const resources = app.isPackaged
  ? (process as NodeJS.Process & { resourcesPath: string }).resourcesPath
  : appRoot;

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

let sandboxStarted: Promise<{ url: string; stop(): void }> | null = null;

/** The backend asks for it (demo mode); one per run, kept across backend restarts. */
function embeddedSandbox(): Promise<{ url: string; stop(): void }> {
  const started = sandboxStarted ?? startEmbeddedSandbox();
  sandboxStarted = started;
  started.catch(() => {
    sandboxStarted = null;
  });
  return started;
}

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
 * The counter's services in their own utility process. The start mode is decided there as
 * before (EPC_MODE, EPC_CENTER_CONFIG, the folder's record, else the set-up wizard); a staged
 * restore (D33) and one crash restart fork it again behind the same link.
 */
function startBackend(onStatus: (status: BackendStatus) => void): BackendLink {
  const options: BackendOptions = {
    dataDir: process.env.EPC_DATA_DIR || app.getPath('userData'),
    version: app.getVersion(),
    sandboxConfigFile: path.join(resources, 'config/sandbox.json'),
    ...(nativeBinding() ? { nativeBinding: nativeBinding() } : {}),
  };
  return startBackendLink({
    fork: () =>
      forkUtilityBackend(path.join(appRoot, 'dist-electron/backend-process.cjs'), {
        ...process.env,
        [BACKEND_OPTIONS_ENV]: JSON.stringify(options),
      }),
    startSandbox: embeddedSandbox,
    onStatus,
  });
}

/**
 * Every change of the backend's state goes to the renderer; one that cannot start (another
 * counter, not this profile's, holds the data folder; a start failure) ends the program.
 */
function showBackendStatus(status: BackendStatus): void {
  mainWindow?.webContents.send('backend-status', status);
  if (status.state !== 'fatal' || status.reason === 'crash') return;
  console.error(status.message);
  dialog.showErrorBox(
    status.reason === 'locked' ? '柜台程序已在运行' : '柜台程序启动失败',
    status.message,
  );
  app.exit(1);
}

function createWindow(pendingWork: () => Promise<PendingWork | null>): void {
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
    pendingWork,
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

app.whenReady().then(() => {
  if (!firstInstance) return;
  Menu.setApplicationMenu(null);
  const rendererRoot = path.join(appRoot, 'dist/renderer');
  protocol.handle('app', (request) => serveRenderer(request, rendererRoot));
  // The window is drawn while the backend starts; calls made meanwhile wait for it (D29).
  const backend = startBackend(showBackendStatus);
  const ask = backendQuestions(backend);
  const updates = updateController(ask);
  ipcMain.handle('api', async (event, ...args) => {
    // Checked here (sender, names, size) before anything crosses to the backend process.
    const result = await answerApiCall(event.senderFrame?.url, args, backend.call);
    // The shift's close is when a downloaded update is installed (never mid-settlement).
    if (args[0] === 'shift.close' && result.ok) void updates.installNow();
    return result;
  });
  ipcMain.handle('print', async (event, job: unknown) =>
    answerPrintCall(event.senderFrame?.url, job, event.sender, await ask.print(), kickCashDrawer),
  );
  ipcMain.handle('update-install', (event) =>
    event.senderFrame?.url?.startsWith(`${RENDERER_ORIGIN}/`) ? updates.installNow() : null,
  );
  // The backend finishes the calls it is running and closes its database before the app quits.
  let backendClosed = false;
  app.on('before-quit', (event: { preventDefault(): void }) => {
    if (backendClosed) return;
    event.preventDefault();
    void backend.close().finally(() => {
      backendClosed = true;
      void sandboxStarted?.then((s) => s.stop());
      app.quit();
    });
  });
  app.on('window-all-closed', () => app.quit());
  createWindow(ask.pendingWork);
  void backend.whenReady().then(() => updates.checkIfDue());
  setInterval(() => void updates.checkIfDue(), 60 * 60 * 1000).unref();
});

/** Not known (the backend did not answer): as if a settlement waited, so nothing is installed. */
const UNKNOWN_WORK: PendingWork = {
  uploadsPending: 0,
  settlementsInProgress: 1,
  outcomesUnknown: 0,
};

/** Updates from the feed set in F10: checked daily (hourly ticks), downloaded in the background. */
function updateController(ask: ReturnType<typeof backendQuestions>): UpdateController {
  const controller: UpdateController = new UpdateController({
    backend: electronUpdaterBackend((version) => controller.downloaded(version)),
    currentVersion: app.getVersion(),
    feedUrl: ask.feedUrl,
    pendingWork: async () => (await ask.pendingWork()) ?? UNKNOWN_WORK,
    now: Date.now,
    lastCheck: ask.lastCheck,
  });
  return controller;
}
