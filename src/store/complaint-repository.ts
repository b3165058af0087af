import type { ComplaintChannel, ComplaintFollowUp } from '../domain/complaint/complaint';
import type { ComplaintState } from '../domain/lifecycle/states';
import { assertTransition } from '../domain/lifecycle/transitions';
import type { Db } from './database';

export interface NewComplaint {
  receivedAt: number;
  receivedBy: number;
  channel: ComplaintChannel;
  complainantName: string | null;
  complainantPhone: string | null;
  subject: string;
  hiRxno: string | null;
  dispensingId: number | null;
}

/** A complaint as stored; personal data in full (mask on output). */
export interface ComplaintRow extends NewComplaint {
  id: number;
  receivedByName: string;
  state: ComplaintState;
  checkResult: string | null;
  correction: string | null;
  agency: string | null;
  referredAt: number | null;
  closedByName: string | null;
  closedAt: number | null;
}

export interface ComplaintEventRow {
  at: number;
  staffName: string;
  fromState: ComplaintState | null;
  toState: ComplaintState;
  note: string | null;
}

const SELECT = `
  SELECT c.id, c.received_at AS receivedAt, c.received_by AS receivedBy,
         r.display_name AS receivedByName, c.channel, c.complainant_name AS complainantName,
         c.complainant_phone AS complainantPhone, c.subject, c.hi_rxno AS hiRxno,
         c.dispensing_id AS dispensingId, c.state, c.check_result AS checkResult, c.correction,
         c.agency, c.referred_at AS referredAt, k.display_name AS closedByName,
         c.closed_at AS closedAt
  FROM complaints c
  JOIN staff r ON r.id = c.received_by
  LEFT JOIN staff k ON k.id = c.closed_by`;

/**
 * Each move of the complaint machine as its own statement, with what that state records; the
 * WHERE on the old state makes a concurrent step lose instead of skipping a state.
 */
const MOVES: Partial<Record<string, { sql: string; params: readonly string[] }>> = {
  'received>checking': {
    sql: "UPDATE complaints SET state = 'checking' WHERE id = @id AND state = 'received'",
    params: [],
  },
  'received>referred': {
    sql: `UPDATE complaints SET state = 'referred', check_result = @checkResult, agency = @agency,
            referred_at = @at WHERE id = @id AND state = 'received'`,
    params: ['checkResult', 'agency', 'at'],
  },
  'checking>corrected': {
    sql: `UPDATE complaints SET state = 'corrected', check_result = @checkResult,
            correction = @correction WHERE id = @id AND state = 'checking'`,
    params: ['checkResult', 'correction'],
  },
  'checking>referred': {
    sql: `UPDATE complaints SET state = 'referred', check_result = @checkResult, agency = @agency,
            referred_at = @at WHERE id = @id AND state = 'checking'`,
    params: ['checkResult', 'agency', 'at'],
  },
  'corrected>closed': {
    sql: `UPDATE complaints SET state = 'closed', closed_by = @staffId, closed_at = @at
          WHERE id = @id AND state = 'corrected'`,
    params: ['staffId', 'at'],
  },
  'referred>closed': {
    sql: `UPDATE complaints SET state = 'closed', closed_by = @staffId, closed_at = @at
          WHERE id = @id AND state = 'referred'`,
    params: ['staffId', 'at'],
  },
};

/** The complaint and report register (R-COMPLAINT; migration 20): rows and their follow-up events. */
export class ComplaintRepository {
  constructor(private readonly db: Db) {}

  /** The complaint and its first event, in one transaction. */
  insert(c: NewComplaint): number {
    return this.db.transaction(() => {
      const id = Number(
        this.db
          .prepare(
            `INSERT INTO complaints (received_at, received_by, channel, complainant_name,
               complainant_phone, subject, hi_rxno, dispensing_id)
             VALUES (@receivedAt, @receivedBy, @channel, @complainantName, @complainantPhone,
               @subject, @hiRxno, @dispensingId)`,
          )
          .run(c).lastInsertRowid,
      );
      this.event(id, c.receivedAt, c.receivedBy, null, 'received', null);
      return id;
    })();
  }

  get(id: number): ComplaintRow | undefined {
    return this.db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as ComplaintRow | undefined;
  }

  /** Newest first; open ones only when asked. */
  list(openOnly: boolean, limit = 200): ComplaintRow[] {
    const where = openOnly ? "WHERE c.state <> 'closed'" : '';
    return this.db
      .prepare(`${SELECT} ${where} ORDER BY c.received_at DESC, c.id DESC LIMIT ?`)
      .all(limit) as ComplaintRow[];
  }

  events(id: number): ComplaintEventRow[] {
    return this.db
      .prepare(
        `SELECT e.at, s.display_name AS staffName, e.from_state AS fromState,
                e.to_state AS toState, e.note
         FROM complaint_events e JOIN staff s ON s.id = e.staff_id
         WHERE e.complaint_id = ? ORDER BY e.id`,
      )
      .all(id) as ComplaintEventRow[];
  }

  /** One follow-up step from `from` (checked again in SQL, so a concurrent step loses). */
  advance(id: number, from: ComplaintState, step: ComplaintFollowUp, staffId: number, at: number) {
    assertTransition('complaint', from, step.to);
    const move = MOVES[`${from}>${step.to}`];
    if (!move) return false;
    const values: Record<string, string | number | null> = {
      id,
      at,
      staffId,
      checkResult: step.checkResult?.trim() || null,
      correction: step.correction?.trim() || null,
      agency: step.agency?.trim() || null,
    };
    const params = Object.fromEntries(move.params.map((k) => [k, values[k] ?? null]));
    return this.db.transaction(() => {
      if (this.db.prepare(move.sql).run({ id, ...params }).changes === 0) return false;
      this.event(id, at, staffId, from, step.to, step.note?.trim() || null);
      return true;
    })();
  }

  private event(
    id: number,
    at: number,
    staffId: number,
    from: ComplaintState | null,
    to: ComplaintState,
    note: string | null,
  ): void {
    this.db
      .prepare(
        `INSERT INTO complaint_events (complaint_id, at, staff_id, from_state, to_state, note)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(id, at, staffId, from, to, note);
  }
}
