import type { AuditEntryRecord } from '../contract/store-protocol-audit';
import type {
  AuditRecordAnswer,
  StoreAuditAnswer,
  StoreAuditRow,
} from '../contract/types-store-audit';
import type { AuditOutcome } from '../domain/audit/audit-entry';
import type { Client } from './database';
import type { Outcome } from './idempotent';

/**
 * The store-wide audit trail (R-KEEP): each counter's entries as it wrote them, append-only,
 * once per (counter, seq) — a resent batch stores only what the store lacks.
 */
export async function recordAudit(
  c: Client,
  me: string,
  entries: AuditEntryRecord[],
): Promise<Outcome<AuditRecordAnswer>> {
  let recorded = 0;
  for (const e of entries) {
    const stored = await c.query(
      `INSERT INTO store_audit (counter_id, local_seq, at, staff_id, username, action, outcome,
         subject, detail, hash)
       VALUES ($1, $2, to_timestamp($3 / 1000.0), $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (counter_id, local_seq) DO NOTHING
`,
      [
        me,
        e.seq,
        e.at,
        e.staffId,
        e.username,
        e.action,
        e.outcome,
        e.subject,
        JSON.stringify(e.detail),
        e.hash,
      ],
    );
    recorded += stored.rowCount ?? 0;
  }
  return { answer: { recorded, alreadyKept: entries.length - recorded }, keep: true };
}

export async function lastAuditSeq(c: Pick<Client, 'query'>, me: string): Promise<number> {
  const r = await c.query<{ last: string | null }>(
    'SELECT max(local_seq)::text AS last FROM store_audit WHERE counter_id = $1',
    [me],
  );
  return Number(r.rows[0]?.last ?? 0);
}

export interface AuditQuery {
  from: string;
  to: string;
  counterId: string | null;
  action: string | null;
  offset: number;
  limit: number;
}

/** Entries of a period (Beijing dates, inclusive) of every counter or one, newest first. */
export async function queryAudit(
  c: Pick<Client, 'query'>,
  q: AuditQuery,
): Promise<StoreAuditAnswer> {
  const where = `at >= ($1::date::timestamp AT TIME ZONE 'Asia/Shanghai')
    AND at < (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
    AND ($3::text IS NULL OR counter_id = $3) AND ($4::text IS NULL OR action = $4)`;
  const args = [q.from, q.to, q.counterId, q.action];
  const total = await c.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM store_audit WHERE ${where}`,
    args,
  );
  const rows = await c.query<{
    counter_id: string;
    local_seq: string;
    at_ms: string;
    staff_id: string | null;
    username: string | null;
    action: string;
    outcome: AuditOutcome;
    subject: string | null;
    detail: Record<string, unknown>;
    hash: string;
  }>(
    `SELECT counter_id, local_seq::text, (extract(epoch FROM at) * 1000)::bigint::text AS at_ms,
       staff_id::text, username, action, outcome, subject, detail, hash
     FROM store_audit WHERE ${where}
     ORDER BY at DESC, counter_id, local_seq DESC OFFSET $5 LIMIT $6`,
    [...args, q.offset, q.limit],
  );
  const entries: StoreAuditRow[] = rows.rows.map((r) => ({
    counterId: r.counter_id,
    seq: Number(r.local_seq),
    at: Number(r.at_ms),
    staffId: r.staff_id === null ? null : Number(r.staff_id),
    username: r.username,
    action: r.action,
    outcome: r.outcome,
    subject: r.subject,
    detail: r.detail,
    hash: r.hash,
  }));
  return { total: Number(total.rows[0]?.n ?? 0), entries };
}
