import type { Db } from './database';

/** A batch as the stock screens change it (stock_batches, migration 4). */
export interface BatchRow {
  id: number;
  medListCodg: string;
  batchNo: string;
  expiry: string;
  packsOnHand: number;
  receivedAt: number;
}

/** A stock upload's link row (sale_uploads without a settlement or sale) and its frozen body. */
export interface StockUploadRow {
  id: number;
  batchId: number | null;
  infno: string;
  msgid: string;
  createdAt: number;
  body: string | null;
}

const BATCH_COLUMNS = `id, med_list_codg AS medListCodg, batch_no AS batchNo, expiry,
  packs_on_hand AS packsOnHand, received_at AS receivedAt`;

/** Returns, losses and surpluses of a batch, and the stock uploads (R-STOCK). */
export class StockMovementRepository {
  constructor(private readonly db: Db) {}

  /**
   * The loss that took this pack out of the stock: its 3502 names the pack's code (R-STOCK). A
   * lost pack can never be sold (R-TRACE-ONCE). The frozen upload is the record of the loss.
   */
  lostPack(packKey: string): { batchNo: string; at: number } | undefined {
    return this.db
      .prepare(
        `SELECT b.batch_no AS batchNo, u.created_at AS at
         FROM sale_uploads u JOIN outbox o ON o.msgid = u.msgid
         JOIN stock_batches b ON b.id = u.batch_id
         WHERE u.infno = '3502' AND instr(o.body, ?) > 0
           AND EXISTS (SELECT 1 FROM json_each(o.body, '$.input.invinfo.drugtracinfo') t
                       WHERE json_extract(t.value, '$.drug_trac_codg') = ?)
         ORDER BY u.id DESC LIMIT 1`,
      )
      .get(packKey, packKey) as { batchNo: string; at: number } | undefined;
  }

  batch(id: number): BatchRow | undefined {
    return this.db.prepare(`SELECT ${BATCH_COLUMNS} FROM stock_batches WHERE id = ?`).get(id) as
      | BatchRow
      | undefined;
  }

  /** Packs leave the batch; the schema refuses going below zero. */
  remove(id: number, packs: number): BatchRow {
    this.db
      .prepare('UPDATE stock_batches SET packs_on_hand = packs_on_hand - ? WHERE id = ?')
      .run(packs, id);
    return this.mustBatch(id);
  }

  /** Packs found (报溢/盘盈) join the batch; they count as received so on hand ≤ received holds. */
  add(id: number, packs: number): BatchRow {
    this.db
      .prepare(
        `UPDATE stock_batches SET packs_on_hand = packs_on_hand + ?, packs_received = packs_received + ?
         WHERE id = ?`,
      )
      .run(packs, packs, id);
    return this.mustBatch(id);
  }

  /** The newest stock uploads (3501–3504), newest first, with their frozen requests. */
  uploads(limit: number): StockUploadRow[] {
    return this.db
      .prepare(
        `SELECT u.id, u.batch_id AS batchId, u.infno, u.msgid, u.created_at AS createdAt, o.body
         FROM sale_uploads u LEFT JOIN outbox o ON o.msgid = u.msgid
         WHERE u.settlement_id IS NULL AND u.sale_id IS NULL
         ORDER BY u.id DESC LIMIT ?`,
      )
      .all(limit) as StockUploadRow[];
  }

  upload(msgid: string): StockUploadRow | undefined {
    return this.db
      .prepare(
        `SELECT u.id, u.batch_id AS batchId, u.infno, u.msgid, u.created_at AS createdAt, o.body
         FROM sale_uploads u LEFT JOIN outbox o ON o.msgid = u.msgid WHERE u.msgid = ?`,
      )
      .get(msgid) as StockUploadRow | undefined;
  }

  /** The purchase (3503) queued with the batch's receipt at `at` (the receipt's own time). */
  purchaseUploadAt(batchId: number, at: number): StockUploadRow | undefined {
    return this.db
      .prepare(
        `SELECT u.id, u.batch_id AS batchId, u.infno, u.msgid, u.created_at AS createdAt, o.body
         FROM sale_uploads u LEFT JOIN outbox o ON o.msgid = u.msgid
         WHERE u.batch_id = ? AND u.infno = '3503' AND u.created_at = ?
         ORDER BY u.id DESC LIMIT 1`,
      )
      .get(batchId, at) as StockUploadRow | undefined;
  }

  /** The frozen request of the batch's latest purchase (3503), to return it to that supplier. */
  purchaseBody(batchId: number): string | undefined {
    return this.db
      .prepare(
        `SELECT o.body FROM sale_uploads u JOIN outbox o ON o.msgid = u.msgid
         WHERE u.batch_id = ? AND u.infno = '3503' ORDER BY u.id DESC LIMIT 1`,
      )
      .pluck()
      .get(batchId) as string | undefined;
  }

  private mustBatch(id: number): BatchRow {
    const b = this.batch(id);
    if (!b) throw new Error(`stock batch ${id} vanished`);
    return b;
  }
}
