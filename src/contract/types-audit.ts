import type { AuditOutcome } from '../domain/audit/audit-entry';
import type { WitnessCheck } from '../domain/audit/audit-witness';

/** One audit entry as shown (detail already masked when it was written). */
export interface AuditEntryView {
  seq: number;
  /** ISO 8601. */
  at: string;
  staffId: number | null;
  username: string | null;
  action: string;
  /** e.g. 登录, 审方通过 */
  actionLabel: string;
  outcome: AuditOutcome;
  outcomeLabel: string;
  subject: string | null;
  detail: Record<string, unknown>;
  hash: string;
}

export interface AuditListView {
  total: number;
  page: number;
  pageSize: number;
  /** Newest first. */
  entries: AuditEntryView[];
}

export type AuditAnchorStatus =
  | 'ok'
  | 'behind'
  | 'empty'
  | 'missing'
  | 'unreadable'
  | 'truncated'
  | 'rewritten';

export interface AuditVerifyView {
  /** Chain intact, anchor agrees, and no earlier anchor mismatch was recorded. */
  ok: boolean;
  /** One Chinese line: 审计链完整… / 审计链被破坏… */
  verdict: string;
  entries: number;
  head: { seq: number; hash: string } | null;
  firstBroken: { seq: number; reason: string } | null;
  anchor: {
    status: AuditAnchorStatus;
    ok: boolean;
    seq: number | null;
    hash: string | null;
    message: string;
  };
  /** Anchor mismatches found at an earlier append and written into the chain then. */
  findings: Array<{ seq: number; at: string; message: string }>;
  /** The printed slip (链尾凭条) checked against, when one was given. */
  witness: WitnessCheck | null;
  /** Milliseconds the check took. */
  elapsedMs: number;
}

/** The store-wide trail (store mode, issue 17): every counter's entries as the store keeps them. */
export interface StoreAuditListView {
  total: number;
  page: number;
  pageSize: number;
  /** Newest first; `seq` is the counter's own. */
  entries: Array<AuditEntryView & { counterId: string }>;
}
