import type { PatientTerm } from '../domain/settlement/lookup-term';
import { nameLikePattern } from '../domain/settlement/lookup-term';
import type { Db } from './database';

/** States a settlement can be found in: the center settled it, or may have (never refused or voided). */
const FINDABLE = `state IN ('settled', 'outcome_unknown', 'refunding', 'refund_unknown', 'refunded')`;
/** When it happened: settled, or (outcome unknown) sent. */
const AT = 'COALESCE(settled_at, created_at)';
export const LOOKUP_LIMIT = 50;

/** Settlement ids for the lookup page (issue 19): by the center's 结算ID, or by patient and period. */
export class SettlementLookupRepository {
  constructor(private readonly db: Db) {}

  bySetlId(setlId: string): number[] {
    return this.db
      .prepare(`SELECT id FROM settlements WHERE setl_id = ? AND ${FINDABLE}`)
      .pluck()
      .all(setlId) as number[];
  }

  /** Newest first, at most LOOKUP_LIMIT; [startMs, endMs). */
  byPatient(term: PatientTerm, startMs: number, endMs: number): number[] {
    const who =
      term.kind === 'certTail'
        ? { sql: 'upper(certno) LIKE ?', arg: `%${term.digits}` }
        : { sql: "patient_name LIKE ? ESCAPE '\\'", arg: nameLikePattern(term.pattern) };
    return this.db
      .prepare(
        `SELECT id FROM settlements WHERE ${FINDABLE} AND ${who.sql} AND ${AT} >= ? AND ${AT} < ?
         ORDER BY ${AT} DESC, id DESC LIMIT ${LOOKUP_LIMIT}`,
      )
      .pluck()
      .all(who.arg, startMs, endMs) as number[];
  }
}
