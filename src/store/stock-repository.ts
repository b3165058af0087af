import type { Db } from './database';

/** One received batch (migration 4, stock_batches). */
export interface StockBatch {
  id: number;
  medListCodg: string;
  batchNo: string;
  expiry: string;
  packsReceived: number;
  packsOnHand: number;
  receivedBy: number;
  receivedAt: number;
}

interface Row {
  id: number;
  med_list_codg: string;
  batch_no: string;
  expiry: string;
  packs_received: number;
  packs_on_hand: number;
  received_by: number;
  received_at: number;
}

const fromRow = (r: Row): StockBatch => ({
  id: r.id,
  medListCodg: r.med_list_codg,
  batchNo: r.batch_no,
  expiry: r.expiry,
  packsReceived: r.packs_received,
  packsOnHand: r.packs_on_hand,
  receivedBy: r.received_by,
  receivedAt: r.received_at,
});

export class StockRepository {
  constructor(private readonly db: Db) {}

  /** Adds a batch; receiving more of a known batch adds to it (its expiry must agree). */
  receive(
    b: Omit<StockBatch, 'id' | 'packsOnHand' | 'packsReceived'> & { packs: number },
  ): StockBatch {
    const row = this.db
      .prepare(
        `INSERT INTO stock_batches (med_list_codg, batch_no, expiry, packs_received, packs_on_hand,
           received_by, received_at)
         VALUES (@medListCodg, @batchNo, @expiry, @packs, @packs, @receivedBy, @receivedAt)
         ON CONFLICT (med_list_codg, batch_no) DO UPDATE SET
           packs_received = packs_received + excluded.packs_received,
           packs_on_hand = packs_on_hand + excluded.packs_on_hand,
           received_at = excluded.received_at
         WHERE expiry = excluded.expiry
         RETURNING *`,
      )
      .get(b) as Row | undefined;
    if (!row) throw new BatchExpiryMismatch(b.batchNo);
    return fromRow(row);
  }

  /** Batches with packs on hand that are still usable on `today` (yyyy-MM-dd), FEFO order. */
  usable(medListCodg: string, today: string): StockBatch[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM stock_batches
         WHERE med_list_codg = ? AND packs_on_hand > 0 AND expiry >= ?
         ORDER BY expiry, id`,
      )
      .all(medListCodg, today) as Row[];
    return rows.map(fromRow);
  }

  availablePacks(medListCodg: string, today: string): number {
    return this.db
      .prepare(
        `SELECT coalesce(sum(packs_on_hand), 0) FROM stock_batches
         WHERE med_list_codg = ? AND packs_on_hand > 0 AND expiry >= ?`,
      )
      .pluck()
      .get(medListCodg, today) as number;
  }

  /**
   * Store mode (D53): the local row of a batch the store server's FEFO took `packs` from, with at
   * least that many on hand. A batch received at another counter gets a row here; packs this
   * counter's copy lacks are added as the store's (store_copy_packs, migration 034).
   */
  storeCopy(
    b: Pick<StockBatch, 'medListCodg' | 'batchNo' | 'expiry' | 'receivedBy' | 'receivedAt'> & {
      packs: number;
    },
  ): StockBatch {
    const known = this.db
      .prepare('SELECT * FROM stock_batches WHERE med_list_codg = ? AND batch_no = ?')
      .get(b.medListCodg, b.batchNo) as Row | undefined;
    if (known && known.expiry !== b.expiry) throw new BatchExpiryMismatch(b.batchNo);
    if (!known) {
      const row = this.db
        .prepare(
          `INSERT INTO stock_batches (med_list_codg, batch_no, expiry, packs_received, packs_on_hand,
             received_by, received_at, store_copy_packs)
           VALUES (@medListCodg, @batchNo, @expiry, @packs, @packs, @receivedBy, @receivedAt, @packs)
           RETURNING *`,
        )
        .get(b) as Row;
      return fromRow(row);
    }
    const lacking = b.packs - known.packs_on_hand;
    if (lacking <= 0) return fromRow(known);
    const row = this.db
      .prepare(
        `UPDATE stock_batches SET packs_on_hand = packs_on_hand + @lacking,
           packs_received = packs_received + @lacking, store_copy_packs = store_copy_packs + @lacking
         WHERE id = @id RETURNING *`,
      )
      .get({ lacking, id: known.id }) as Row;
    return fromRow(row);
  }

  /** Takes packs from a batch; the schema refuses going below zero. */
  take(batchId: number, packs: number): void {
    this.db
      .prepare('UPDATE stock_batches SET packs_on_hand = packs_on_hand - ? WHERE id = ?')
      .run(packs, batchId);
  }

  /** The batch of this drug and number, if the counter has received it. */
  find(medListCodg: string, batchNo: string): StockBatch | undefined {
    const row = this.db
      .prepare('SELECT * FROM stock_batches WHERE med_list_codg = ? AND batch_no = ?')
      .get(medListCodg, batchNo) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  all(): StockBatch[] {
    const rows = this.db
      .prepare('SELECT * FROM stock_batches ORDER BY med_list_codg, expiry, id')
      .all() as Row[];
    return rows.map(fromRow);
  }

  count(): number {
    return this.db.prepare('SELECT count(*) FROM stock_batches').pluck().get() as number;
  }
}

export class BatchExpiryMismatch extends Error {
  constructor(readonly batchNo: string) {
    super(`batch ${batchNo} already received with another expiry`);
    this.name = 'BatchExpiryMismatch';
  }
}
