import { create } from 'zustand';
import type { PaperScanFolder, PaperScanList } from '../../api/types-paper';
import type { AppErrorShape } from '../../domain/errors';
import { api, isUnauthenticated, toShape } from '../api';
import { useSessionStore } from '../stores/session-store';
import type { PickedImage } from './ImagePreview';

/** Where the capture form takes its image from: a file, the scanner's folder, or the camera. */
export type CaptureSource = 'file' | 'scan' | 'camera';

interface CaptureSourceState {
  source: CaptureSource;
  scans: PaperScanList | null;
  busy: boolean;
  error: AppErrorShape | null;
  choose(source: CaptureSource): void;
  loadScans(): Promise<void>;
  readScan(name: string): Promise<PickedImage | null>;
  /** Administrators; null returns to the default <dataDir>/scans. */
  setFolder(folder: string | null): Promise<PaperScanFolder | null>;
}

/** The capture form's image sources (paper.scanList / paper.scanRead, getUserMedia). */
export const useCaptureSourceStore = create<CaptureSourceState>((set, get) => {
  async function attempt<T>(run: () => Promise<T>): Promise<T | null> {
    set({ busy: true, error: null });
    try {
      const value = await run();
      set({ busy: false });
      return value;
    } catch (err) {
      if (isUnauthenticated(err)) useSessionStore.getState().expire(toShape(err).message);
      set({ busy: false, error: toShape(err) });
      return null;
    }
  }
  return {
    source: 'file',
    scans: null,
    busy: false,
    error: null,
    choose(source) {
      set({ source, error: null });
      if (source === 'scan') void get().loadScans();
    },
    async loadScans() {
      const scans = await attempt(() => api.call('paper.scanList', {}));
      if (scans) set({ scans });
    },
    async readScan(name) {
      const got = await attempt(() => api.call('paper.scanRead', { name }));
      return got && { name: got.name, mime: got.mime, size: got.size, base64: got.base64 };
    },
    async setFolder(folder) {
      const saved = await attempt(() => api.call('paper.setScanFolder', { folder }));
      if (saved) await get().loadScans();
      return saved;
    },
  };
});
