import { z } from 'zod';
import { idempotencyKey } from './store-protocol-fields';
import type { AuditLastAnswer, AuditRecordAnswer, StoreAuditAnswer } from './types-store-audit';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 yyyy-MM-dd');

export const auditEntryRecord = z
  .object({
    /** the counter's audit_log.seq */
    seq: z.number().int().positive(),
    /** ms since epoch */
    at: z.number().int().positive(),
    staffId: z.number().int().nullable(),
    username: z.string().max(200).nullable(),
    action: z.string().min(1).max(64),
    outcome: z.enum(['ok', 'refused', 'failed', 'interrupted']),
    subject: z.string().max(2000).nullable(),
    /** as the counter stored it: masked already */
    detail: z.record(z.string(), z.unknown()),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type AuditEntryRecord = z.infer<typeof auditEntryRecord>;

/**
 * The store-wide audit trail (issue 17, docs/store-server.md, "Audit trail"): every counter's
 * entries, append-only, each stored once per (counter, seq).
 */
export const storeAuditProtocol = {
  /** A batch of this counter's audit entries, in seq order. */
  'audit.record': {
    input: z
      .object({ idempotencyKey, entries: z.array(auditEntryRecord).min(1).max(200) })
      .strict(),
    output: {} as AuditRecordAnswer,
    mutates: true,
  },
  /** Where this counter's delivery stands: its highest stored seq. */
  'audit.last': {
    input: z.object({}).strict(),
    output: {} as AuditLastAnswer,
    mutates: false,
  },
  /** An inspector's query: one period (Beijing dates, inclusive), optionally one counter and one action. */
  'audit.query': {
    input: z
      .object({
        from: isoDate,
        to: isoDate,
        counterId: z.string().min(1).max(32).nullable(),
        action: z.string().min(1).max(64).nullable(),
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(200),
      })
      .strict(),
    output: {} as StoreAuditAnswer,
    mutates: false,
  },
} as const;
