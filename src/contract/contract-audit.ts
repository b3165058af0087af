import { z } from 'zod';
import { audited, reads } from './method-policy';
import type { AuditListView, AuditVerifyView, StoreAuditListView } from './types-audit';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 yyyy-MM-dd');

const auditReaders = {
  allowed: ['admin', 'pharmacist'],
  refusal: '只有管理员或执业药师可以查看和校验审计日志',
  ruleId: 'R-KEEP',
} as const;

/** The tamper-evident audit trail (R-KEEP): verify the hash chain, read entries. */
export const auditContract = {
  /**
   * Walks the whole chain and compares its head with the anchor (administrator or pharmacist);
   * `witness`: a printed slip `<seq>:<hash>` (链尾凭条) the entry at that seq must still match.
   */
  'audit.verify': {
    input: z.object({ witness: z.string().max(200).optional() }).strict(),
    output: {} as AuditVerifyView,
    auth: true,
    roles: auditReaders,
    mutates: false,
    audit: audited('audit.verify', { detail: { extra: 'verifyResult' } }),
  },
  /** Entries of [from, to] (Beijing dates, inclusive), newest first; details are masked. */
  'audit.list': {
    input: z
      .object({
        from: isoDate,
        to: isoDate,
        action: z.string().min(1).max(64).optional(),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: {} as AuditListView,
    auth: true,
    roles: auditReaders,
    ...reads,
  },
  /**
   * Store mode (issue 17): the store-wide trail of every counter for an inspector — a period
   * (Beijing dates, inclusive), optionally one counter and one action; newest first, masked.
   */
  'audit.store': {
    input: z
      .object({
        from: isoDate,
        to: isoDate,
        counterId: z.string().min(1).max(32).optional(),
        action: z.string().min(1).max(64).optional(),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: {} as StoreAuditListView,
    auth: true,
    roles: auditReaders,
    ...reads,
  },
} as const;
