import { canonicalJson } from '../../center/rx/canonical-json';
import type { AuditAction } from '../../domain/audit/audit-actions';
import { type AuditAnchor, anchorFindingBeforeAppend } from '../../domain/audit/audit-anchor';
import {
  type AuditEntry,
  type AuditHasher,
  type AuditOutcome,
  type AuditRow,
  GENESIS_HASH,
} from '../../domain/audit/audit-entry';
import { maskDetail } from '../../domain/audit/mask-detail';
import type { AuditRepository } from '../../store/audit-repository';
import type { Db } from '../../store/database';
import type { AnchorFile } from './anchor-file';

export interface AuditRecord {
  action: AuditAction;
  outcome: AuditOutcome;
  staffId?: number | null;
  username?: string | null;
  subject?: string | null;
  detail?: Record<string, unknown>;
}

export const ANCHOR_MISMATCH: AuditAction = 'audit.anchorMismatch';

/**
 * Appends entries: reads the head, links and hashes the new entry, inserts it, all inside one
 * IMMEDIATE transaction (so two processes sharing the file cannot fork the chain); then moves
 * the anchor. If the head disagrees with the anchor (the tail was cut off or rewritten since
 * the last append), that finding is written into the chain first: moving the anchor on
 * silently would erase the evidence.
 */
export function createAuditWriter(deps: {
  db: Db;
  repo: AuditRepository;
  anchor: AnchorFile;
  hash: AuditHasher;
  now: () => number;
}) {
  const { db, repo, anchor, hash } = deps;

  function link(prev: { seq: number; hash: string } | null, r: AuditRecord, at: number): AuditRow {
    const detail = maskDetail(r.detail ?? {});
    const entry: AuditEntry = {
      seq: (prev?.seq ?? 0) + 1,
      at,
      staffId: r.staffId ?? null,
      username: r.username ?? null,
      action: r.action,
      outcome: r.outcome,
      subject: r.subject ?? null,
      detail,
    };
    const prevHash = prev?.hash ?? GENESIS_HASH;
    const row: AuditRow = { ...entry, prevHash, hash: hash(prevHash, entry) };
    repo.insert(row, canonicalJson(detail));
    return row;
  }

  const appendTx = db.transaction((r: AuditRecord, at: number, pendingId?: number): AuditRow => {
    let head = repo.last();
    const anchored = anchor.read();
    const finding = anchorFindingBeforeAppend(anchored, head, (s) => repo.hashAt(s));
    if (finding) {
      const found = link(
        head,
        {
          action: ANCHOR_MISMATCH,
          outcome: 'failed',
          detail: { finding, anchor: anchored === 'unreadable' ? 'unreadable' : anchored },
        },
        at,
      );
      head = found;
    }
    const row = link(head, r, at);
    if (pendingId !== undefined) repo.dropPending(pendingId);
    return row;
  });

  return {
    /** `pendingId`: the call's pending row (migration 11), removed in the same transaction. */
    append(r: AuditRecord, pendingId?: number): AuditRow {
      const at = deps.now();
      const row = appendTx.immediate(r, at, pendingId);
      const next: AuditAnchor = { seq: row.seq, hash: row.hash, at };
      anchor.write(next);
      return row;
    },
  };
}

export type AuditWriter = ReturnType<typeof createAuditWriter>;
