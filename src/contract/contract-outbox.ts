import { z } from 'zod';
import { audited, notAudited, reads } from './method-policy';
import type { OutboxItemView, OutboxSendResult } from './types-outbox';

/** The upload queue the staff can read and act on (offline first; nothing is ever dropped). */
export const outboxContract = {
  'outbox.list': {
    input: z.object({ status: z.enum(['undelivered', 'parked']) }).strict(),
    output: [] as OutboxItemView[],
    auth: true,
    ...reads,
  },
  /** Retries waiting out their backoff go now. */
  'outbox.sendNow': {
    input: z.object({}).strict(),
    output: {} as OutboxSendResult,
    auth: true,
    mutates: true,
    audit: notAudited(
      'only hastens uploads already queued (and audited with their business act); each delivery is kept on its outbox row',
    ),
  },
  /** A parked item goes again with the same msgid and body (pharmacist or administrator). */
  'outbox.requeue': {
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: [] as OutboxItemView[],
    auth: true,
    mutates: true,
    audit: audited('outbox.requeue', { subject: 'outboxItem' }),
  },
} as const;
