import type {
  SupervisionChoice,
  SupervisionOutcome,
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
  msgid: string;
  outcome: SupervisionOutcome;
  warnings: SupervisionWarning[];
  error: string | null;
  staffId: number;
  checkedAt: number;
  handling: SupervisionHandling | null;
}

/** Pre-settlement supervision checks (3101) and their handling; append-only (migration 24). */
export class SupervisionRepository {
  constructor(private readonly db: Db) {}

  insert(
    c: Pick<
      SupervisionCheck,
      'dispensingId' | 'msgid' | 'outcome' | 'warnings' | 'error' | 'staffId'
    >,
    at: number,
  ): SupervisionCheck {
    const id = this.db
      .prepare(
        `INSERT INTO supervision_checks (dispensing_id, msgid, outcome, warnings, error, staff_id,
           checked_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .pluck()
      .get(
        c.dispensingId,
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
