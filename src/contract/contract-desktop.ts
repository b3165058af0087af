import { z } from 'zod';
import { PAPER_SIZES } from '../domain/desktop/print-settings';
import { audited, reads } from './method-policy';
import type { DesktopSettings, PendingWork, PrintSettings, UpdateSettings } from './types-desktop';

const administrators = {
  allowed: ['admin'],
  refusal: '只有管理员可以更改打印和软件更新设置',
  ruleId: 'R-KEEP',
} as const;

/** The desktop app's own settings (printer, update feed) and what closing it would interrupt. */
export const desktopContract = {
  'desktop.settings': {
    input: z.object({}).strict(),
    output: {} as DesktopSettings,
    auth: true,
    ...reads,
  },
  /** The printer chosen once: receipts, guidance and the audit slip print there silently. */
  'desktop.setPrint': {
    input: z
      .object({
        printerName: z.string().trim().min(1).max(256).nullable(),
        paper: z.enum(PAPER_SIZES),
        kickCashDrawer: z.boolean(),
      })
      .strict(),
    output: {} as PrintSettings,
    auth: true,
    roles: administrators,
    mutates: true,
    audit: audited('settings.printer', {
      detail: { input: ['printerName', 'paper', 'kickCashDrawer'] },
    }),
  },
  /** The pharmacy's or chain's HTTPS update feed (latest.yml); null turns updates off. */
  'desktop.setUpdateFeed': {
    input: z.object({ feedUrl: z.string().trim().min(1).max(512).nullable() }).strict(),
    output: {} as UpdateSettings,
    auth: true,
    roles: administrators,
    mutates: true,
    audit: audited('settings.updateFeed', { detail: { input: ['feedUrl'] } }),
  },
  /** Uploads and settlements still under way (the desktop app asks before closing on them). */
  'desktop.pendingWork': {
    input: z.object({}).strict(),
    output: {} as PendingWork,
    auth: true,
    ...reads,
  },
} as const;
