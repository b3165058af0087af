/** What the administrator types to confirm that the current data is replaced by a backup. */
export const RESTORE_CONFIRMATION = '确认恢复';

/** The counter's backups as the administrator sees them. */
export interface BackupStatus {
  folder: string;
  /** <dataDir>/backups, not a folder an administrator chose (same disk: choose another). */
  isDefault: boolean;
  last: {
    at: number;
    ok: boolean;
    /** The backup's own folder when it succeeded, else the target folder. */
    folder: string;
    bytes: number | null;
    error: string | null;
  } | null;
  lastOkAt: number | null;
  /** No good backup within a day (and an hour's grace). */
  overdue: boolean;
  keep: number;
  lastRestore: LastRestore | null;
  /** A restore is staged and waits for the counter to restart. */
  restorePending: boolean;
}

/** One backup in the backup folder, as its manifest describes it (null: no readable manifest). */
export interface BackupEntry {
  name: string;
  createdAt: number | null;
  bytes: number | null;
  schemaVersion: number | null;
  appVersion: string | null;
}

/** The full check of one backup: one Chinese line per check, in order. */
export interface BackupCheckView {
  name: string;
  ok: boolean;
  findings: Array<{ ok: boolean; text: string }>;
}

/** The last restore applied at a start of this counter (kept in the restored database). */
export interface LastRestore {
  at: number;
  ok: boolean;
  backupName: string;
  username: string;
  /** Where the replaced database was kept. */
  replacedDir: string | null;
  /** When refused at start: why (the current data was kept). */
  refusal: string | null;
}

/** A support export of the recent logs. */
export interface LogExportResult {
  file: string;
  bytes: number;
  logFiles: number;
}
