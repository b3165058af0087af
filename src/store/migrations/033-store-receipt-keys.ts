/**
 * Migration 033 (issue 17, D54): a counter of a store records a receipt (进货) only after the
 * store server has it, under the receipt's key (the store's idempotency key). The key is unique
 * here too, so a retry of the same receipt (its answer lost, Enter pressed twice) finds the
 * receipt already recorded and never doubles the counter's copy. A single counter leaves it null.
 */
export const STORE_RECEIPT_KEYS_MIGRATION = `
  ALTER TABLE stock_receipts ADD COLUMN store_receipt_key TEXT
    CHECK (store_receipt_key IS NULL OR length(store_receipt_key) BETWEEN 8 AND 80);
  CREATE UNIQUE INDEX stock_receipts_store_key ON stock_receipts (store_receipt_key)
    WHERE store_receipt_key IS NOT NULL;
`;
