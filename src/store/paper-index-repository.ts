import type { Db } from './database';

/** Who captured each archived paper prescription, and which moved on to dispensed (D56). */
export class PaperIndexRepository {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  /** Archive ids after `lastId`, in id order (the counter's archive is the index's queue). */
  idsAfter(lastId: number, limit: number): number[] {
    return this.db
      .prepare('SELECT id FROM paper_prescriptions WHERE id > ? ORDER BY id LIMIT ?')
      .pluck()
      .all(lastId, limit) as number[];
  }

  /** Of these ids, those dispensed here since. */
  dispensedAmong(ids: readonly number[]): number[] {
    if (ids.length === 0) return [];
    return this.db
      .prepare(
        `SELECT id FROM paper_prescriptions
         WHERE status = 'dispensed' AND id IN (SELECT value FROM json_each(?)) ORDER BY id`,
      )
      .pluck()
      .all(JSON.stringify(ids)) as number[];
  }

  usernameOf(staffId: number): string | null {
    return (
      (this.db.prepare('SELECT username FROM staff WHERE id = ?').pluck().get(staffId) as
        | string
        | undefined) ?? null
    );
  }
}
