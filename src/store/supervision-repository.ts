import type {
  SupervisionChoice,
  SupervisionOutcome,
  SupervisionStage,
  SupervisionWarning,
} from '../domain/supervision/supervision-warning';
import type { Db } from './database';

export interface SupervisionHandling {
  choice: SupervisionChoice;
  reason: string;
  staffId: number;
  staffName: string;
  handledAt: number;
}

export interface SupervisionCheck {
  id: number;
  dispensingId: number;
  /** 'pre' 3101 at preview, 'mid' 3102 just before 2102 (migration 26). */
  stage: SupervisionStage;
  msgid: string;
  outcome: SupervisionOutcome;
  warnings: SupervisionWarning[];
  error: string | null;
  staffId: number;
  checkedAt: number;
  handling: SupervisionHandling | null;
}

/** Supervision checks (3101, 3102), their handling and its 3103 feedback; append-only (24, 29). */
export class SupervisionRepository {
  constructor(private readonly db: Db) {}

  insert(
    c: Pick<
      SupervisionCheck,
      'dispensingId' | 'stage' | 'msgid' | 'outcome' | 'warnings' | 'error' | 'staffId'
    >,
    at: number,
  ): SupervisionCheck {
    const id = this.db
      .prepare(
        `INSERT INTO supervision_checks (dispensing_id, stage, msgid, outcome, warnings, error,
           staff_id, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .pluck()
      .get(
        c.dispensingId,
        c.stage,
        c.msgid,
        c.outcome,
        JSON.stringify(c.warnings),
        c.error,
        c.staffId,
        at,
      ) as number;
    return this.mustGet(id);
  }

  handle(
    checkId: number,
    h: { choice: SupervisionChoice; reason: string; staffId: number },
    at: number,
  ): void {
    this.db
      .prepare(
        `INSERT INTO supervision_handlings (check_id, choice, reason, staff_id, handled_at)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(checkId, h.choice, h.reason, h.staffId, at);
  }

  /** Records the 3103 queued for a handled check; the primary key allows one per check. */
  feedbackQueued(checkId: number, msgid: string, at: number): void {
    this.db
      .prepare('INSERT INTO supervision_feedbacks (check_id, msgid, queued_at) VALUES (?, ?, ?)')
      .run(checkId, msgid, at);
  }

  /** The dispensing's checks (3101 or 3102) a pharmacist continued on, newest first. */
  continuedChecks(dispensingId: number): SupervisionCheck[] {
    const ids = this.db
      .prepare(
        `SELECT c.id FROM supervision_checks c
           JOIN supervision_handlings h ON h.check_id = c.id AND h.choice = 'continue'
          WHERE c.dispensing_id = ? ORDER BY c.id DESC`,
      )
      .pluck()
      .all(dispensingId) as number[];
    return ids.map((id) => this.mustGet(id));
  }

  get(id: number): SupervisionCheck | undefined {
    const r = this.db
      .prepare(
        `SELECT c.*, h.choice, h.reason, h.staff_id AS handler_id, h.handled_at,
                s.display_name AS handler_name
           FROM supervision_checks c
           LEFT JOIN supervision_handlings h ON h.check_id = c.id
           LEFT JOIN staff s ON s.id = h.staff_id
          WHERE c.id = ?`,
      )
      .get(id) as Record<string, unknown> | undefined;
    return r ? fromRow(r) : undefined;
  }

  mustGet(id: number): SupervisionCheck {
    const c = this.get(id);
    if (!c) throw new Error(`supervision check ${id} vanished`);
    return c;
  }
}

function fromRow(r: Record<string, unknown>): SupervisionCheck {
  return {
    id: r.id as number,
    dispensingId: r.dispensing_id as number,
    stage: r.stage as SupervisionStage,
    msgid: r.msgid as string,
    outcome: r.outcome as SupervisionOutcome,
    warnings: JSON.parse(r.warnings as string) as SupervisionWarning[],
    error: (r.error as string | null) ?? null,
    staffId: r.staff_id as number,
    checkedAt: r.checked_at as number,
    handling:
      r.choice === null || r.choice === undefined
        ? null
        : {
            choice: r.choice as SupervisionChoice,
            reason: r.reason as string,
            staffId: r.handler_id as number,
            staffName: r.handler_name as string,
            handledAt: r.handled_at as number,
          },
  };
}
