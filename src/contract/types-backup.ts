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
}
