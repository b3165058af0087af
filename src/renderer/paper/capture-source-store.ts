import { create } from 'zustand';
import type { PaperScanFolder, PaperScanList } from '../../contract/types-paper';
import type { AppErrorShape } from '../../domain/errors';
import { api } from '../api';
import { busyCall } from '../stores/busy-call';
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
  const attempt = <T>(run: () => Promise<T>) => busyCall<T, CaptureSourceState>(set, run);
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
