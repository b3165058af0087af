/**
 * Fallback types for the few Electron APIs the shell uses, for machines where the optional
 * `electron` package could not be installed (its binary download needs GitHub). tsconfig's
 * `paths` tries node_modules/electron/electron.d.ts first, so wherever Electron is installed the
 * shell is checked against the real definitions.
 */
type Handler = (...args: never[]) => unknown;

export interface WebContents {
  on(
    event: 'will-navigate' | 'will-attach-webview',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): void;
  on(
    event: 'render-process-gone',
    listener: (event: unknown, details: { reason: string; exitCode: number }) => void,
  ): void;
  reload(): void;
  isDestroyed(): boolean;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' | 'allow' }): void;
  session: Session;
  send(channel: string, ...args: unknown[]): void;
  getURL(): string;
  print(
    options: WebContentsPrintOptions,
    callback: (success: boolean, failureReason: string) => void,
  ): void;
}
export interface SerialPort {
  portId: string;
  portName: string;
  displayName?: string;
  vendorId?: string;
  productId?: string;
}
export interface Session {
  setPermissionRequestHandler(
    handler:
      | ((
          wc: WebContents,
          permission: string,
          cb: (granted: boolean) => void,
          details: { requestingUrl: string },
        ) => void)
      | null,
  ): void;
  setPermissionCheckHandler(
    handler:
      | ((
          wc: WebContents | null,
          permission: string,
          requestingOrigin: string,
          details: { mediaType?: string },
        ) => boolean)
      | null,
  ): void;
  setDevicePermissionHandler(
    handler: ((details: { deviceType: string; origin: string }) => boolean) | null,
  ): void;
  on(
    event: 'select-serial-port',
    listener: (
      event: { preventDefault(): void },
      portList: SerialPort[],
      webContents: WebContents,
      callback: (portId: string) => void,
    ) => void,
  ): this;
}
export interface BrowserWindowConstructorOptions {
  width?: number;
  height?: number;
  minWidth?: number;
  minHeight?: number;
  show?: boolean;
  title?: string;
  backgroundColor?: string;
  autoHideMenuBar?: boolean;
  webPreferences?: {
    preload?: string;
    contextIsolation?: boolean;
    sandbox?: boolean;
    nodeIntegration?: boolean;
    webSecurity?: boolean;
    spellcheck?: boolean;
    devTools?: boolean;
  };
}
export class BrowserWindow {
  constructor(options?: BrowserWindowConstructorOptions);
  webContents: WebContents;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): this;
  show(): void;
  focus(): void;
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  maximize(): void;
  isMaximized(): boolean;
  getNormalBounds(): Rectangle;
  close(): void;
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): this;
}
export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Display {
  workArea: Rectangle;
}
export const screen: { getAllDisplays(): Display[] };
export interface WebContentsPrintOptions {
  silent?: boolean;
  printBackground?: boolean;
  deviceName?: string;
  pageSize?: string | { width: number; height: number };
  margins?: { marginType?: 'default' | 'none' | 'printableArea' | 'custom' };
  landscape?: boolean;
  copies?: number;
}
export interface IpcMainInvokeEvent {
  senderFrame: { url: string } | null;
  sender: WebContents;
}
export const ipcMain: {
  handle(
    channel: string,
    listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown,
  ): void;
};
export const app: {
  isPackaged: boolean;
  whenReady(): Promise<void>;
  getPath(name: 'userData'): string;
  getAppPath(): string;
  getVersion(): string;
  enableSandbox(): void;
  quit(): void;
  exit(exitCode?: number): void;
  relaunch(): void;
  on(
    event: 'window-all-closed' | 'before-quit' | 'web-contents-created' | 'second-instance',
    listener: Handler,
  ): void;
  requestSingleInstanceLock(): boolean;
};
export const protocol: {
  registerSchemesAsPrivileged(
    schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>,
  ): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
};
export const dialog: {
  showErrorBox(title: string, content: string): void;
  showMessageBoxSync(
    window: BrowserWindow,
    options: {
      type?: 'none' | 'info' | 'error' | 'question' | 'warning';
      title?: string;
      message: string;
      detail?: string;
      buttons?: string[];
      defaultId?: number;
      cancelId?: number;
      noLink?: boolean;
    },
  ): number;
};
export const Menu: { setApplicationMenu(menu: null): void };
export interface UtilityProcess {
  stdout: NodeJS.ReadableStream | null;
  kill(): boolean;
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): this;
  once(event: 'exit', listener: (code: number) => void): this;
}
export const utilityProcess: {
  fork(
    modulePath: string,
    args?: string[],
    options?: { env?: NodeJS.ProcessEnv; stdio?: 'pipe' | 'inherit'; serviceName?: string },
  ): UtilityProcess;
};
export const contextBridge: { exposeInMainWorld(key: string, api: unknown): void };
export const ipcRenderer: {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): void;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): void;
};
