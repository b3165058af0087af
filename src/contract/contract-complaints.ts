import { z } from 'zod';
import { COMPLAINT_CHANNEL_IDS } from '../domain/complaint/complaint';
import { audited, type RolePolicy, reads } from './method-policy';
import { rxNo } from './schemas';
import type { ComplaintDetail, ComplaintView } from './types-complaints';

const id = z.number().int().positive();
const text = (max: number) => z.string().trim().min(1).max(max);

/** Follow-up is the pharmacy's check and correction: a pharmacist or the administrator. */
const followUpRoles: RolePolicy = {
  allowed: ['pharmacist', 'admin'],
  refusal: '投诉举报的核查、纠正与办结须由执业药师或管理员处理，收银员只能登记',
  ruleId: 'R-COMPLAINT',
};

/** The complaint and report register (R-COMPLAINT): anyone at the counter registers, follow-up as above. */
export const complaintsContract = {
  'complaints.list': {
    input: z.object({ openOnly: z.boolean() }).strict(),
    output: [] as ComplaintView[],
    auth: true,
    ...reads,
  },
  'complaints.get': {
    input: z.object({ id }).strict(),
    output: {} as ComplaintDetail,
    auth: true,
    ...reads,
  },
  'complaints.register': {
    input: z
      .object({
        channel: z.enum(COMPLAINT_CHANNEL_IDS),
        complainantName: text(40).optional(),
        complainantPhone: z
          .string()
          .trim()
          .regex(/^[0-9-]{5,20}$/, '联系电话只含数字与连字符')
          .optional(),
        subject: z.string().trim().max(500),
        hiRxno: rxNo.optional(),
        dispensingId: id.optional(),
      })
      .strict(),
    output: {} as ComplaintDetail,
    auth: true,
    mutates: true,
    audit: audited('complaint.register', {
      subject: 'complaint',
      detail: { input: ['channel', 'hiRxno', 'dispensingId'], output: ['id', 'state'] },
    }),
  },
  'complaints.followUp': {
    input: z
      .object({
        id,
        to: z.enum(['checking', 'corrected', 'referred', 'closed']),
        checkResult: z.string().trim().max(500).optional(),
        correction: z.string().trim().max(500).optional(),
        agency: z.string().trim().max(100).optional(),
        note: z.string().trim().max(500).optional(),
      })
      .strict(),
    output: {} as ComplaintDetail,
    auth: true,
    roles: followUpRoles,
    mutates: true,
    audit: audited('complaint.followUp', {
      subject: 'complaint',
      detail: { input: ['to', 'agency'], output: ['state'] },
    }),
  },
} as const;
