import type { Db } from './database';
import type { Supplier } from './supplier-repository';

/** One receiving as recorded (stock_receipts, migration 22): append-only. */
export interface StockReceiptInput {
  batchId: number;
  supplier: Supplier;
  receivedOn: string;
  packs: number;
  coldChain: { arrivalTempC: number; storagePlace: string } | null;
  receivedBy: number;
  receivedAt: number;
  /** A counter of a store: the receipt's key at the store server (migration 033); else absent. */
  storeReceiptKey?: string | undefined;
}

/** A pack code the counter holds in stock (received, not sent back, not sold). */
const LIVE_UNSOLD = `c.returned_at IS NULL AND NOT EXISTS (
  SELECT 1 FROM sold_codes s WHERE s.code = c.pack_key AND s.returned_at IS NULL)`;

/** Receipts and the packs' traceability codes they brought in (R-SUPPLY, R-STOCK). */
export class StockReceiptRepository {
  constructor(private readonly db: Db) {}

  add(r: StockReceiptInput): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO stock_receipts (batch_id, supplier_id, supplier_name, licence_no,
             licence_valid_until, received_on, packs, cold_chain, arrival_temp_c, storage_place,
             received_by, received_at, store_receipt_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          r.batchId,
          r.supplier.id,
          r.supplier.name,
          r.supplier.licenceNo,
          r.supplier.licenceValidUntil,
          r.receivedOn,
          r.packs,
          r.coldChain ? 1 : 0,
          r.coldChain?.arrivalTempC ?? null,
          r.coldChain?.storagePlace ?? null,
          r.receivedBy,
          r.receivedAt,
          r.storeReceiptKey ?? null,
        ).lastInsertRowid,
    );
  }

  /** The receipt recorded under this store receipt key (a retry of it), if any. */
  byStoreKey(key: string): { batchId: number; receivedAt: number } | undefined {
    return this.db
      .prepare(
        `SELECT batch_id AS batchId, received_at AS receivedAt FROM stock_receipts
         WHERE store_receipt_key = ?`,
      )
      .get(key) as { batchId: number; receivedAt: number } | undefined;
  }

  /** The batch that holds this code in stock now, if any. */
  batchHolding(packKey: string): number | undefined {
    return this.db
      .prepare('SELECT batch_id FROM stock_pack_codes WHERE pack_key = ? AND returned_at IS NULL')
      .pluck()
      .get(packKey) as number | undefined;
  }

  addCodes(batchId: number, receiptId: number, packKeys: readonly string[]): void {
    const insert = this.db.prepare(
      'INSERT INTO stock_pack_codes (pack_key, batch_id, receipt_id) VALUES (?, ?, ?)',
    );
    for (const k of packKeys) insert.run(k, batchId, receiptId);
  }

  /** Codes of the batch's packs on hand, in receiving order. */
  codesOnHand(batchId: number): string[] {
    return this.db
      .prepare(
        `SELECT c.pack_key FROM stock_pack_codes c WHERE c.batch_id = ? AND ${LIVE_UNSOLD}
         ORDER BY c.id`,
      )
      .pluck()
      .all(batchId) as string[];
  }

  /** Marks packs sent back to the supplier; returns how many of them were on hand in the batch. */
  markReturned(batchId: number, packKeys: readonly string[], at: number): number {
    const mark = this.db.prepare(
      `UPDATE stock_pack_codes AS c SET returned_at = ?
       WHERE c.batch_id = ? AND c.pack_key = ? AND ${LIVE_UNSOLD}`,
    );
    return packKeys.reduce((n, k) => n + mark.run(at, batchId, k).changes, 0);
  }

  /** The supplier of the batch's latest receipt, with its licence as it was then. */
  lastSupplierOf(batchId: number): { name: string; licenceNo: string } | undefined {
    return this.db
      .prepare(
        `SELECT supplier_name AS name, licence_no AS licenceNo FROM stock_receipts
         WHERE batch_id = ? ORDER BY id DESC LIMIT 1`,
      )
      .get(batchId) as { name: string; licenceNo: string } | undefined;
  }
}
