import { z } from 'zod';
import { reads } from './method-policy';
import type { RiskSignal } from './types-risk';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 yyyy-MM-dd');

/** Risk signals computed locally over a period (R-RISK), each with its drill-down. */
export const riskContract = {
  /** The signals over [from, to] (Beijing dates, both included); pharmacist or admin only. */
  'risk.signals': {
    input: z.object({ from: isoDate, to: isoDate }).strict(),
    output: [] as RiskSignal[],
    auth: true,
    ...reads,
  },
} as const;
