import { contextBridge, ipcRenderer } from 'electron';

/**
 * The renderer's only door to the backend: one typed `invoke` of the API contract. No Node,
 * no Electron objects cross the bridge; the main process validates every argument again.
 */
contextBridge.exposeInMainWorld('epcDesktop', {
  invoke: (method: string, input: unknown, token: string | null) =>
    ipcRenderer.invoke('api', method, input, token),
});
