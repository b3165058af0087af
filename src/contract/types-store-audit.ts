import type { AuditOutcome } from '../domain/audit/audit-entry';

/** Answers of the store server's audit trail (store-protocol-audit.ts). */

export interface AuditRecordAnswer {
  /** entries stored by this request */
  recorded: number;
  /** entries the store already had (a resend): kept once, unchanged */
  alreadyKept: number;
}

export interface AuditLastAnswer {
  /** this counter's highest stored audit seq; 0 before its first */
  lastSeq: number;
}

/** One counter's audit entry as the store keeps it (detail masked at the counter). */
export interface StoreAuditRow {
  counterId: string;
  seq: number;
  /** ms since epoch, the counter's time */
  at: number;
  staffId: number | null;
  username: string | null;
  action: string;
  outcome: AuditOutcome;
  subject: string | null;
  detail: Record<string, unknown>;
  hash: string;
}

export interface StoreAuditAnswer {
  total: number;
  /** Newest first. */
  entries: StoreAuditRow[];
}
