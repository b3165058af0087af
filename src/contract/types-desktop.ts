import type { PendingWork } from '../domain/desktop/pending-work';
import type { PrintSettings } from '../domain/desktop/print-settings';

export type { PendingWork } from '../domain/desktop/pending-work';
export type { PaperSize, PrintJob, PrintSettings } from '../domain/desktop/print-settings';

/** The desktop app's update feed (electron-updater generic provider); null: updates off. */
export interface UpdateSettings {
  feedUrl: string | null;
}

export interface DesktopSettings {
  print: PrintSettings;
  update: UpdateSettings;
}

export type { PendingWork as DesktopPendingWork };

/**
 * The desktop app's backend process as the shell reports it to the renderer (preload
 * `epcDesktop.onBackendStatus`, D36): ready, restarting after a crash or for a restore, or
 * stopped for good; `message` is Chinese, for the pharmacist.
 */
export type DesktopBackendStatus =
  | { state: 'ready'; mode: 'setup' | 'demo' | 'real' }
  | { state: 'restarting'; reason: 'crash' | 'restore'; message: string }
  | { state: 'fatal'; reason: 'locked' | 'start' | 'crash'; message: string };
