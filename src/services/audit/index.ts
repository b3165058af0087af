import type { AuditListView, AuditVerifyView } from '../../contract/types-audit';
import { actionLabel } from '../../domain/audit/audit-actions';
import { type AuditRow, OUTCOME_LABELS } from '../../domain/audit/audit-entry';
import type { AuditWitness } from '../../domain/audit/audit-witness';
import { AuditRepository } from '../../store/audit-repository';
import type { AreaDeps } from '../area-deps';
import { createAnchorFile } from './anchor-file';
import { sm3AuditHasher } from './audit-hasher';
import { type AuditedCall, interruptedRecordOfCall, recordOfCall } from './audit-recorder';
import { verifyAuditTrail, verifyAuditTrailInSlices } from './audit-verify';
import { type AuditRecord, createAuditWriter } from './audit-writer';
import { createPendingCalls } from './pending-calls';
import { createStoreAuditDelivery } from './store-audit-delivery';
import { type StoreAuditListQuery, storeAuditList } from './store-audit-list';

export type { AuditedCall } from './audit-recorder';
export type { AuditRecord } from './audit-writer';

type AuditDeps = Pick<AreaDeps, 'db' | 'log' | 'now' | 'jobs'> &
  Partial<Pick<AreaDeps, 'storeLink'>> & { config: { dataDir: string } };

/**
 * The tamper-evident audit trail (R-KEEP): every security-relevant action is appended to a
 * hash chain (SM3 over the previous hash and the RFC 8785 JSON of the entry) whose head is
 * anchored in `<dataDir>/audit-anchor.json`; verify reports the first broken link.
 */
export function createAuditArea(deps: AuditDeps) {
  const repo = new AuditRepository(deps.db);
  const anchor = createAnchorFile(deps.config.dataDir);
  const writer = createAuditWriter({
    db: deps.db,
    repo,
    anchor,
    hash: sm3AuditHasher,
    now: () => deps.now().getTime(),
  });
  const staffByName = deps.db.prepare('SELECT id, username FROM staff WHERE username = ?');
  const findStaff = (u: string) => staffByName.get(u) as never;
  const pending = createPendingCalls({ repo, writer, now: () => deps.now().getTime() });

  return {
    anchorFile: anchor.file,

    /** Store mode: copies this trail to the store server (issue 17); null for a single counter. */
    toStore: deps.storeLink
      ? createStoreAuditDelivery({ repo, link: deps.storeLink, log: deps.log })
      : null,

    /** Store mode: the store-wide trail of every counter, for an inspector (issue 17). */
    storeList: (q: StoreAuditListQuery) => storeAuditList(deps.storeLink ?? null, deps.log, q),

    /** Appends one entry. Must not run inside another transaction (the anchor moves at once). */
    record(r: AuditRecord): AuditRow {
      if (deps.db.inTransaction) throw new Error('审计记录须在业务事务提交之后写入');
      return writer.append(r);
    },

    /**
     * The dispatcher's hook before an audited call runs: a pending row that becomes an
     * 'interrupted' entry if the process dies before afterCall. Returns its id, or null when
     * the call is not audited. Throws when it cannot be written: the action must not run
     * unrecorded.
     */
    beforeCall(method: string, call: AuditedCall): number | null {
      const r = interruptedRecordOfCall(method, call, findStaff);
      return r ? pending.begin(method, r) : null;
    },

    /**
     * The dispatcher's hook after every API call. Never throws: a failure to record is logged
     * (the action itself has already happened and cannot be undone here).
     */
    afterCall(method: string, call: AuditedCall, pendingId: number | null = null): void {
      try {
        const r = recordOfCall(method, call, findStaff);
        if (r) writer.append(r, pendingId ?? undefined);
        else if (pendingId !== null) pending.end(pendingId);
      } catch (err) {
        deps.log.error('audit.append.failed', { method, error: String(err) });
      }
    },

    /** At start: entries for the calls a crashed predecessor left unfinished. */
    recoverInterrupted(): number {
      try {
        const n = pending.recover();
        if (n > 0) deps.log.warn('audit.recovered.interrupted', { count: n });
        return n;
      } catch (err) {
        deps.log.error('audit.recover.failed', { error: String(err) });
        return 0;
      }
    },

    /** `witness`: a printed slip (链尾凭条) the entry at its seq must still match. */
    verify(witness?: AuditWitness): AuditVerifyView {
      return verifyAuditTrail({ repo, anchor, hash: sm3AuditHasher }, witness);
    },

    /** verify() for the running counter: in slices, so other calls are answered meanwhile. */
    verifyInSlices(witness?: AuditWitness): Promise<AuditVerifyView> {
      return verifyAuditTrailInSlices({ repo, anchor, hash: sm3AuditHasher }, { witness });
    },

    /**
     * verify() as the counter's API runs it: in the job thread, which reads through its own
     * connection, so the counter's thread is not held at all (issue 20); in slices without one.
     */
    verifyInBackground(witness?: AuditWitness): Promise<AuditVerifyView> {
      if (deps.jobs) return deps.jobs.run('audit.verify', { witness });
      return verifyAuditTrailInSlices({ repo, anchor, hash: sm3AuditHasher }, { witness });
    },

    list(q: {
      from: number;
      to: number;
      action?: string | undefined;
      page: number;
      pageSize: number;
    }): AuditListView {
      const { total, rows } = repo.page({
        from: q.from,
        to: q.to,
        action: q.action,
        offset: (q.page - 1) * q.pageSize,
        limit: q.pageSize,
      });
      return { total, page: q.page, pageSize: q.pageSize, entries: rows.map(toView) };
    },
  };
}

function toView(r: AuditRow) {
  return {
    seq: r.seq,
    at: new Date(r.at).toISOString(),
    staffId: r.staffId,
    username: r.username,
    action: r.action,
    actionLabel: actionLabel(r.action),
    outcome: r.outcome,
    outcomeLabel: OUTCOME_LABELS[r.outcome] ?? r.outcome,
    subject: r.subject,
    detail: r.detail,
    hash: r.hash,
  };
}

export type AuditArea = ReturnType<typeof createAuditArea>;
