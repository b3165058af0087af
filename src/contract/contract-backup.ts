import { z } from 'zod';
import { audited, reads } from './method-policy';
import type { BackupStatus } from './types-backup';

const administrators = {
  allowed: ['admin'],
  refusal: '只有管理员可以管理数据备份',
  ruleId: 'R-KEEP',
} as const;

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
} as const;
