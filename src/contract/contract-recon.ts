import { z } from 'zod';
import { reads } from './method-policy';
import type { ReconDayView } from './types-recon';

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
} as const;
