import type { Db } from './database';

/** A held dispensing carried over past a day's close, with its reason (migration 031). */
export interface HeldCarryover {
  dispensingId: number;
  day: string;
  reason: string;
  staffName: string;
  at: number;
}

export class HeldCarryoverRepository {
  constructor(private readonly db: Db) {}

  record(c: {
    dispensingId: number;
    day: string;
    reason: string;
    staffId: number;
    at: number;
  }): void {
    this.db
      .prepare(
        `INSERT INTO held_carryovers (dispensing_id, day, reason, staff_id, at)
         VALUES (@dispensingId, @day, @reason, @staffId, @at)`,
      )
      .run(c);
  }

  /** The carry-overs recorded for `day`, by dispensing. */
  ofDay(day: string): Map<number, HeldCarryover> {
    const rows = this.db
      .prepare(
        `SELECT c.dispensing_id AS dispensingId, c.day, c.reason, s.display_name AS staffName, c.at
           FROM held_carryovers c JOIN staff s ON s.id = c.staff_id
          WHERE c.day = ?`,
      )
      .all(day) as HeldCarryover[];
    return new Map(rows.map((r) => [r.dispensingId, r]));
  }
}
