import { z } from 'zod';
import { audited, reads } from './method-policy';
import type { ReconDayView, ReconExportResult, ReconPeriodView } from './types-recon';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 yyyy-MM-dd');
const period = z.object({ from: isoDate, to: isoDate }).strict();

/** Reconciliation (对账, R-RECON): the counter's day against the center's records. */
export const reconContract = {
  'recon.day': {
    input: z
      .object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 yyyy-MM-dd') })
      .strict(),
    output: {} as ReconDayView,
    auth: true,
    ...reads,
  },
  /** Any period: 3201 on the totals, 3202 settlement by settlement, differences per settlement. */
  'recon.period': {
    input: period,
    output: {} as ReconPeriodView,
    auth: true,
    ...reads,
  },
  /** The period one prescription's settlement per row, both sides, as CSV (formula-safe). */
  'recon.export': {
    input: period,
    output: {} as ReconExportResult,
    auth: true,
    mutates: true,
    audit: audited('recon.export', {
      subject: 'dateRange',
      detail: { input: ['from', 'to'], output: ['fileName', 'bytes', 'sm3', 'rows'] },
    }),
  },
} as const;
