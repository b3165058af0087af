/**
 * Migration 12: a settlement is only ever what the center really answered (R-SETTLE).
 *
 * One setl_id is one settlement at the center: two local settlements can never carry it. A
 * row becomes settled only with amounts that cannot be negative and that add up in fen (the
 * reply check in src/domain/center/settle-reply.ts is the first line; this is the last).
 * A data folder that already holds two settlements with one setl_id stops here with SQLite's
 * message: they must be examined by hand, not silently merged.
 */
export const SETTLEMENT_IDS_MIGRATION = `
  CREATE UNIQUE INDEX settlements_one_setl_id ON settlements (setl_id) WHERE setl_id IS NOT NULL;

  CREATE TRIGGER settlements_settled_amounts BEFORE UPDATE ON settlements
  WHEN NEW.state = 'settled' AND (
    NEW.fund_fen IS NULL OR NEW.acct_fen IS NULL OR NEW.cash_fen IS NULL
    OR NEW.fund_fen < 0 OR NEW.acct_fen < 0 OR NEW.cash_fen < 0
    OR NEW.medfee_fen <> NEW.fund_fen + NEW.acct_fen + NEW.cash_fen)
  BEGIN
    SELECT RAISE(ABORT, 'settlement amounts negative or not adding up to the total (R-SETTLE)');
  END;
`;
