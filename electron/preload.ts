import { contextBridge, ipcRenderer } from 'electron';

/**
 * The renderer's doors to the main process: one typed `invoke` of the API contract, and the
 * serial-scanner port choice (Web Serial's select-serial-port). No Node, no Electron objects
 * cross the bridge; the main process validates every argument again.
 */
contextBridge.exposeInMainWorld('epcDesktop', {
  invoke: (method: string, input: unknown, token: string | null) =>
    ipcRenderer.invoke('api', method, input, token),
  /** Prints a job silently on the printer chosen in settings; resolves null or the reason. */
  print: (job: string) => ipcRenderer.invoke('print', job),
  /** Installs a downloaded update now (refused while a settlement waits for the center). */
  installUpdate: () => ipcRenderer.invoke('update-install'),
  /** The backend process's state: ready, restarting (crash or restore) or stopped, in Chinese. */
  onBackendStatus(listener: (status: unknown) => void) {
    const handler = (_event: unknown, status: unknown) => listener(status);
    ipcRenderer.on('backend-status', handler);
    return () => ipcRenderer.removeListener('backend-status', handler);
  },
});

contextBridge.exposeInMainWorld('epcSerial', {
  onPortChoices(listener: (ports: unknown) => void) {
    const handler = (_event: unknown, ports: unknown) => listener(ports);
    ipcRenderer.on('serial-ports', handler);
    return () => ipcRenderer.removeListener('serial-ports', handler);
  },
  choosePort: (portId: string | null) => ipcRenderer.invoke('serial-choose', portId),
});
