import { randomUUID } from 'node:crypto';
import type { AuditAction } from '../../domain/audit/audit-actions';
import type { AuditOutcome } from '../../domain/audit/audit-entry';
import { maskDetail } from '../../domain/audit/mask-detail';
import type { AuditRepository, PendingAuditRow } from '../../store/audit-repository';
import type { AuditRecord, AuditWriter } from './audit-writer';

/** This process, as named in audit_pending.owner: its pid and an id no other process shares. */
const THIS_PROCESS = `${process.pid}:${randomUUID()}`;

/**
 * Whether the process that wrote a pending row may still be running its call. Ours: yes.
 * Another pid that exists: yes (a CLI and the app share the file; a reused pid only delays the
 * recovery to a later start). Our pid under another id: a predecessor (a restarted container).
 */
function ownerMayBeRunning(owner: string): boolean {
  if (owner === THIS_PROCESS) return true;
  const pid = Number(owner.slice(0, owner.indexOf(':')));
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function recordOfPending(row: PendingAuditRow): AuditRecord {
  let stored: Partial<AuditRecord> = {};
  try {
    stored = JSON.parse(row.record) as Partial<AuditRecord>;
  } catch {
    // an unreadable row still becomes an entry: the call happened
  }
  return {
    action: (stored.action ?? row.method) as AuditAction,
    outcome: 'interrupted' satisfies AuditOutcome,
    staffId: stored.staffId ?? null,
    username: stored.username ?? null,
    subject: stored.subject ?? null,
    detail: {
      ...(stored.detail ?? {}),
      method: row.method,
      startedAt: new Date(row.startedAt).toISOString(),
      note: '程序在此操作进行中退出，结果以业务记录为准',
    },
  };
}

/**
 * Closes the gap between an action's commit and its audit entry (R-KEEP): a pending row is
 * written before an audited call runs and removed with the entry (AuditWriter.append); rows a
 * dead process left behind become entries with the outcome 'interrupted'.
 */
export function createPendingCalls(deps: {
  repo: AuditRepository;
  writer: AuditWriter;
  now: () => number;
}) {
  const { repo, writer } = deps;
  return {
    begin(method: string, r: AuditRecord): number {
      const masked = { ...r, detail: maskDetail(r.detail ?? {}) };
      return repo.addPending(THIS_PROCESS, deps.now(), method, JSON.stringify(masked));
    },

    end(pendingId: number): void {
      repo.dropPending(pendingId);
    },

    /** Appends an 'interrupted' entry for each call a dead process left; returns how many. */
    recover(): number {
      let recovered = 0;
      for (const row of repo.pending()) {
        if (ownerMayBeRunning(row.owner)) continue;
        writer.append(recordOfPending(row), row.id);
        recovered += 1;
      }
      return recovered;
    },
  };
}
