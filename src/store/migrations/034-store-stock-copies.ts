/**
 * Migration 034 (issue 17, D53): a counter of a store records the batches the store server's
 * FEFO took (stock.sell's `taken`) as its own allocations, so the 3505 and the receipt name the
 * batch a pack really left. A batch received at another counter gets a local row here, and a
 * batch this counter holds fewer packs of than the store took is topped up: those packs are
 * counted in `store_copy_packs` (and, as 报溢 does, in packs_received, so on hand ≤ received
 * holds). A row whose store_copy_packs equals packs_received is the store's copy only: this
 * counter never received it. The count only grows (R-KEEP).
 */
export const STORE_STOCK_COPIES_MIGRATION = `
  ALTER TABLE stock_batches ADD COLUMN store_copy_packs INTEGER NOT NULL DEFAULT 0
    CHECK (store_copy_packs >= 0 AND store_copy_packs <= packs_received);

  CREATE TRIGGER stock_batches_store_copy_kept BEFORE UPDATE OF store_copy_packs ON stock_batches
  WHEN NEW.store_copy_packs < OLD.store_copy_packs
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：从门店库存转来的包装数不得减少');
  END;
`;
