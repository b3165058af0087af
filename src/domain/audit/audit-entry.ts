/**
 * One entry of the tamper-evident audit trail (R-KEEP). Each entry's hash covers the previous
 * entry's hash and the entry itself (its seq included), so editing, deleting or reordering any
 * entry breaks every link after it; a cut-off tail is caught by the anchor kept outside the
 * database (see audit-anchor.ts).
 */

/** 'interrupted': the process died while the action ran; the business records tell its result. */
export type AuditOutcome = 'ok' | 'refused' | 'failed' | 'interrupted';

export interface AuditEntry {
  seq: number;
  /** Milliseconds since the epoch. */
  at: number;
  staffId: number | null;
  username: string | null;
  action: string;
  outcome: AuditOutcome;
  /** What the action was about: a prescription number, dispensing id, paper id, … */
  subject: string | null;
  /** Plain JSON, personal data already masked (see mask-detail.ts). */
  detail: Record<string, unknown>;
}

export interface AuditRow extends AuditEntry {
  prevHash: string;
  hash: string;
}

/** The previous hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * hash = digest(prevHash + canonical JSON of the entry). The digest (SM3) and the canonical
 * JSON (RFC 8785) live outside the domain, so the service hands them in as one function.
 */
export type AuditHasher = (prevHash: string, entry: AuditEntry) => string;

/** The entry as the plain object that is canonicalised and hashed (no undefined anywhere). */
export function hashedFields(e: AuditEntry): Record<string, unknown> {
  return {
    seq: e.seq,
    at: e.at,
    staffId: e.staffId,
    username: e.username,
    action: e.action,
    outcome: e.outcome,
    subject: e.subject,
    detail: e.detail,
  };
}

export const OUTCOME_LABELS: Record<AuditOutcome, string> = {
  ok: '成功',
  refused: '被拒绝',
  failed: '失败',
  interrupted: '中断（结果未知）',
};
