import type { Db } from './database';

/** Settlements and refunds sent to the center and not answered, and those of unknown outcome. */
export function countOpenSettlements(db: Db): { inProgress: number; outcomeUnknown: number } {
  const row = db
    .prepare(
      `SELECT
         coalesce(sum(state IN ('settling', 'refunding')), 0) AS inProgress,
         coalesce(sum(state IN ('outcome_unknown', 'refund_unknown')), 0) AS outcomeUnknown
       FROM settlements`,
    )
    .get() as { inProgress: number; outcomeUnknown: number };
  return row;
}
