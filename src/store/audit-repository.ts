import type { AuditOutcome, AuditRow } from '../domain/audit/audit-entry';
import type { Db } from './database';

interface RowShape {
  seq: number;
  at: number;
  staff_id: number | null;
  username: string | null;
  action: string;
  outcome: string;
  subject: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface AuditQuery {
  from: number;
  /** Exclusive. */
  to: number;
  action?: string | undefined;
  offset: number;
  limit: number;
}

/**
 * The detail column is parsed here; text that is not a JSON object (only possible after the
 * triggers were dropped and the row edited) is kept as a string so the chain check reports it.
 */
function toRow(r: RowShape): AuditRow {
  let detail: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(r.detail);
    detail =
      parsed && typeof parsed === 'object' && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : { unparsable: r.detail };
  } catch {
    detail = { unparsable: r.detail };
  }
  return {
    seq: r.seq,
    at: r.at,
    staffId: r.staff_id,
    username: r.username,
    action: r.action,
    outcome: r.outcome as AuditOutcome,
    subject: r.subject,
    detail,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

const COLUMNS = 'seq, at, staff_id, username, action, outcome, subject, detail, prev_hash, hash';

/** A call that began and has no entry yet (migration 11). */
export interface PendingAuditRow {
  id: number;
  owner: string;
  startedAt: number;
  method: string;
  record: string;
}

/** The append-only audit_log table (migration 8). Statements are prepared once. */
export class AuditRepository {
  private readonly lastStmt;
  private readonly hashAtStmt;
  private readonly insertStmt;
  private readonly allStmt;
  private readonly betweenStmt;
  private readonly addPendingStmt;
  private readonly dropPendingStmt;

  constructor(private readonly db: Db) {
    this.lastStmt = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    this.hashAtStmt = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck();
    this.insertStmt = db.prepare(
      `INSERT INTO audit_log (${COLUMNS}) VALUES
       (@seq, @at, @staffId, @username, @action, @outcome, @subject, @detail, @prevHash, @hash)`,
    );
    this.allStmt = db.prepare(`SELECT ${COLUMNS} FROM audit_log ORDER BY seq`);
    this.betweenStmt = db.prepare(
      `SELECT ${COLUMNS} FROM audit_log WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?`,
    );
    this.addPendingStmt = db.prepare(
      'INSERT INTO audit_pending (owner, started_at, method, record) VALUES (?, ?, ?, ?)',
    );
    this.dropPendingStmt = db.prepare('DELETE FROM audit_pending WHERE id = ?');
  }

  addPending(owner: string, startedAt: number, method: string, recordJson: string): number {
    return Number(this.addPendingStmt.run(owner, startedAt, method, recordJson).lastInsertRowid);
  }

  dropPending(id: number): void {
    this.dropPendingStmt.run(id);
  }

  pending(): PendingAuditRow[] {
    return this.db
      .prepare(
        'SELECT id, owner, started_at AS startedAt, method, record FROM audit_pending ORDER BY id',
      )
      .all() as PendingAuditRow[];
  }

  last(): { seq: number; hash: string } | null {
    return (this.lastStmt.get() as { seq: number; hash: string } | undefined) ?? null;
  }

  hashAt(seq: number): string | null {
    return (this.hashAtStmt.get(seq) as string | undefined) ?? null;
  }

  /** `detail` is stored as given (canonical JSON from the writer). */
  insert(row: AuditRow, detailJson: string): void {
    this.insertStmt.run({ ...row, detail: detailJson });
  }

  /** Rows with afterSeq < seq ≤ uptoSeq, in seq order, at most `limit`. */
  between(afterSeq: number, uptoSeq: number, limit: number): AuditRow[] {
    return (this.betweenStmt.all(afterSeq, uptoSeq, limit) as RowShape[]).map(toRow);
  }

  /** Every row in seq order, streamed. */
  *all(): Generator<AuditRow> {
    for (const r of this.allStmt.iterate() as Iterable<RowShape>) yield toRow(r);
  }

  /** Newest first. */
  page(q: AuditQuery): { total: number; rows: AuditRow[] } {
    const where = `at >= @from AND at < @to${q.action ? ' AND action = @action' : ''}`;
    const params = { from: q.from, to: q.to, action: q.action ?? null };
    const total = this.db
      .prepare(`SELECT count(*) FROM audit_log WHERE ${where}`)
      .pluck()
      .get(params) as number;
    const rows = this.db
      .prepare(
        `SELECT ${COLUMNS} FROM audit_log WHERE ${where} ORDER BY seq DESC LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: q.limit, offset: q.offset }) as RowShape[];
    return { total, rows: rows.map(toRow) };
  }

  /** Entries that record an earlier anchor mismatch (a finding written before moving on). */
  findings(action: string): AuditRow[] {
    return (
      this.db
        .prepare(`SELECT ${COLUMNS} FROM audit_log WHERE action = ? ORDER BY seq`)
        .all(action) as RowShape[]
    ).map(toRow);
  }
}
