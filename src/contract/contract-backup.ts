import { z } from 'zod';
import { audited, notAudited, reads } from './method-policy';
import {
  type BackupCheckView,
  type BackupEntry,
  type BackupStatus,
  type LogExportResult,
  RESTORE_CONFIRMATION,
} from './types-backup';

const administrators = {
  allowed: ['admin'],
  refusal: '只有管理员可以管理数据备份',
  ruleId: 'R-KEEP',
} as const;

/** A backup of the backup folder, by its folder name (never a path of the caller's choosing). */
const backupName = z.string().trim().min(1).max(200);

/** Backups of the counter's records (R-KEEP: two years of records must survive a dead disk). */
export const backupContract = {
  'backup.status': {
    input: z.object({}).strict(),
    output: {} as BackupStatus,
    auth: true,
    ...reads,
  },
  /** A backup now, besides the daily one. */
  'backup.run': {
    input: z.object({}).strict(),
    output: {} as BackupStatus,
    auth: true,
    roles: administrators,
    mutates: true,
    audit: audited('backup.run', { detail: { output: ['lastOkAt'] } }),
  },
  /** An absolute folder on another disk, or null for <dataDir>/backups. */
  'backup.setFolder': {
    input: z.object({ folder: z.string().trim().min(1).max(1024).nullable() }).strict(),
    output: {} as BackupStatus,
    auth: true,
    roles: administrators,
    mutates: true,
    audit: audited('settings.backupFolder', { detail: { input: ['folder'] } }),
  },
  /** The backups in the backup folder, newest first. */
  'backup.list': {
    input: z.object({}).strict(),
    output: [] as BackupEntry[],
    auth: true,
    roles: administrators,
    ...reads,
  },
  /** The full check a restore needs: manifest, SM3, integrity_check, schema version, audit chain. */
  'backup.check': {
    input: z.object({ name: backupName }).strict(),
    output: {} as BackupCheckView,
    auth: true,
    roles: administrators,
    ...reads,
  },
  /**
   * Stages the restore of a backup that passes the check and restarts the counter, which applies
   * it at start before opening the database (the replaced database is kept aside).
   */
  'backup.restore': {
    input: z
      .object({
        name: backupName,
        confirm: z.literal(RESTORE_CONFIRMATION, {
          message: `请输入“${RESTORE_CONFIRMATION}”以确认用该备份替换当前数据`,
        }),
      })
      .strict(),
    output: {} as { name: string; restarting: true },
    auth: true,
    roles: administrators,
    mutates: true,
    audit: audited('backup.restore', { detail: { input: ['name'] } }),
  },
  /** For support: a ZIP of the recent logs and a system-information file (no personal data). */
  'log.export': {
    input: z.object({ folder: z.string().trim().min(1).max(1024).nullable() }).strict(),
    output: {} as LogExportResult,
    auth: true,
    roles: { ...administrators, refusal: '只有管理员可以导出日志' },
    mutates: true,
    audit: audited('log.export', { detail: { input: ['folder'], output: ['file', 'logFiles'] } }),
  },
  /**
   * A renderer crash, reported before the window reloads (also from the log-in screen, so no
   * session): one masked, truncated log line, rate-limited.
   */
  'log.rendererError': {
    input: z
      .object({
        kind: z.enum(['boundary', 'error', 'rejection']),
        message: z.string().max(2000),
        stack: z.string().max(8000).optional(),
      })
      .strict(),
    output: {} as { logged: boolean },
    auth: false,
    mutates: false,
    audit: notAudited(
      'writes one masked log line only; no record, file of the data or center state',
    ),
  },
} as const;
