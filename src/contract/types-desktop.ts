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
