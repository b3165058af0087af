import { z } from 'zod';
import { MIN_REASON_CHARS } from '../domain/supervision/supervision-warning';
import { audited } from './method-policy';
import type { SupervisionView } from './types-supervision';

const id = z.number().int().positive();

/** Pre-settlement supervision (事前事中审核, 3101, R-SUPERVISE): the pharmacist's decision. */
export const supervisionContract = {
  /**
   * Continue (with a reason) or cancel after the findings of the pre-settlement check shown
   * with settle.preview; recorded once per check, who and when, and in the audit trail.
   */
  'supervision.handle': {
    input: z
      .object({
        dispensingId: id,
        checkId: id,
        choice: z.enum(['continue', 'cancel']),
        reason: z
          .string()
          .trim()
          .min(MIN_REASON_CHARS, `请填写处理理由（至少 ${MIN_REASON_CHARS} 个字）`)
          .max(200),
      })
      .strict(),
    output: {} as SupervisionView,
    auth: true,
    roles: {
      allowed: ['pharmacist'],
      refusal: '医保监管提示须由执业药师查看并处理',
      ruleId: 'R-SUPERVISE',
    },
    mutates: true,
    audit: audited('supervision.handle', {
      subject: 'dispensing',
      detail: { input: ['dispensingId', 'checkId', 'choice', 'reason'], output: ['outcome'] },
    }),
  },
} as const;
