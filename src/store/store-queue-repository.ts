import type { Db } from './database';

/** A pack of a queued item: its code and, for an offline sale, its drug. */
export interface QueuedPack {
  code: string;
  medListCodg: string;
}

export interface StoreQueueItem {
  id: number;
  kind: 'return' | 'offline_sale';
  idempotencyKey: string;
  saleRef: string;
  packs: QueuedPack[];
  createdAt: number;
  attempts: number;
}

export interface StoreClashRecord {
  id: number;
  code: string;
  ourCounter: string;
  ourSaleRef: string;
  ourSoldAt: number;
  selfPaySaleId: number;
  otherCounter: string | null;
  otherSaleRef: string | null;
  otherSoldAt: number | null;
  reason: string;
  message: string;
  foundAt: number;
}

export type NewClash = Omit<StoreClashRecord, 'id' | 'selfPaySaleId'>;

/**
 * What a counter of a store owes its store server (migration 029, D42): returns and offline
 * cash sales, written with the local change and delivered later in order, each once.
 */
export class StoreQueueRepository {
  constructor(private readonly db: Db) {}

  /** A refund or 撤销调剂 gave these packs back: the store server must free them too. */
  enqueueReturn(i: { key: string; dispensingId: number; codes: string[]; at: number }): void {
    this.db
      .prepare(
        `INSERT INTO store_queue (kind, idempotency_key, sale_ref, codes, dispensing_id, created_at)
         VALUES ('return', ?, ?, ?, ?, ?)`,
      )
      .run(i.key, `dispensing-${i.dispensingId}`, JSON.stringify(i.codes), i.dispensingId, i.at);
  }

  /** A cash sale completed while the store server was unreachable: its packs, unconfirmed. */
  enqueueOfflineSale(i: {
    key: string;
    saleRef: string;
    saleId: number;
    packs: QueuedPack[];
    at: number;
  }): void {
    const id = this.db
      .prepare(
        `INSERT INTO store_queue (kind, idempotency_key, sale_ref, codes, self_pay_sale_id, created_at)
         VALUES ('offline_sale', ?, ?, ?, ?, ?)`,
      )
      .run(
        i.key,
        i.saleRef,
        JSON.stringify(i.packs.map((p) => p.code)),
        i.saleId,
        i.at,
      ).lastInsertRowid;
    const code = this.db.prepare(
      'INSERT INTO store_offline_codes (queue_id, code, med_list_codg) VALUES (?, ?, ?)',
    );
    for (const p of i.packs) code.run(id, p.code, p.medListCodg);
  }

  /** Undelivered items, oldest first (they are delivered in the order they happened). */
  pending(): StoreQueueItem[] {
    const rows = this.db
      .prepare(
        `SELECT id, kind, idempotency_key, sale_ref, codes, created_at, attempts
         FROM store_queue WHERE done_at IS NULL ORDER BY id`,
      )
      .all() as Array<{
      id: number;
      kind: 'return' | 'offline_sale';
      idempotency_key: string;
      sale_ref: string;
      codes: string;
      created_at: number;
      attempts: number;
    }>;
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      idempotencyKey: r.idempotency_key,
      saleRef: r.sale_ref,
      packs: r.kind === 'offline_sale' ? this.unconfirmed(r.id) : this.returned(r.codes),
      createdAt: r.created_at,
      attempts: r.attempts,
    }));
  }

  private returned(codes: string): QueuedPack[] {
    return (JSON.parse(codes) as string[]).map((code) => ({ code, medListCodg: '' }));
  }

  private unconfirmed(queueId: number): QueuedPack[] {
    return this.db
      .prepare(
        `SELECT code, med_list_codg AS medListCodg FROM store_offline_codes
         WHERE queue_id = ? AND state = 'unconfirmed' ORDER BY code`,
      )
      .all(queueId) as QueuedPack[];
  }

  /** How many clashes of this item are recorded: names the next confirm round's key. */
  clashCount(queueId: number): number {
    return this.db
      .prepare('SELECT count(*) FROM store_clashes WHERE queue_id = ?')
      .pluck()
      .get(queueId) as number;
  }

  failed(queueId: number, error: string): void {
    this.db
      .prepare('UPDATE store_queue SET attempts = attempts + 1, last_error = ? WHERE id = ?')
      .run(error, queueId);
  }

  done(queueId: number, at: number): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE store_queue SET attempts = attempts + 1, last_error = NULL, done_at = ?
           WHERE id = ? AND done_at IS NULL`,
        )
        .run(at, queueId);
      this.db
        .prepare(
          "UPDATE store_offline_codes SET state = 'confirmed' WHERE queue_id = ? AND state = 'unconfirmed'",
        )
        .run(queueId);
    })();
  }

  /** The store server refused an offline pack: another counter sold (or holds) it meanwhile. */
  clash(queueId: number, c: NewClash): void {
    this.db.transaction(() => {
      this.db
        .prepare("UPDATE store_offline_codes SET state = 'clash' WHERE queue_id = ? AND code = ?")
        .run(queueId, c.code);
      this.db
        .prepare(
          `INSERT INTO store_clashes (queue_id, code, our_counter, our_sale_ref, our_sold_at,
             other_counter, other_sale_ref, other_sold_at, reason, message, found_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (queue_id, code) DO NOTHING`,
        )
        .run(
          queueId,
          c.code,
          c.ourCounter,
          c.ourSaleRef,
          c.ourSoldAt,
          c.otherCounter,
          c.otherSaleRef,
          c.otherSoldAt,
          c.reason,
          c.message,
          c.foundAt,
        );
    })();
  }

  /**
   * Flags an offline sale the store could not cover from its batches (SOLD_OFFLINE_SHORT, D53)
   * beside the code clashes, for the pharmacist to count: one row per drug, naming a pack of the
   * drug in that sale. The pack stays confirmed (it was sold); only the count is in question.
   */
  flagShortfall(queueId: number, c: NewClash): void {
    this.db
      .prepare(
        `INSERT INTO store_clashes (queue_id, code, our_counter, our_sale_ref, our_sold_at,
           other_counter, other_sale_ref, other_sold_at, reason, message, found_at)
         VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, ?) ON CONFLICT (queue_id, code) DO NOTHING`,
      )
      .run(
        queueId,
        c.code,
        c.ourCounter,
        c.ourSaleRef,
        c.ourSoldAt,
        c.reason,
        c.message,
        c.foundAt,
      );
  }

  clashes(): StoreClashRecord[] {
    return this.db
      .prepare(
        `SELECT c.id, c.code, c.our_counter AS ourCounter, c.our_sale_ref AS ourSaleRef,
           c.our_sold_at AS ourSoldAt, q.self_pay_sale_id AS selfPaySaleId,
           c.other_counter AS otherCounter, c.other_sale_ref AS otherSaleRef,
           c.other_sold_at AS otherSoldAt, c.reason, c.message, c.found_at AS foundAt
         FROM store_clashes c JOIN store_queue q ON q.id = c.queue_id ORDER BY c.id DESC`,
      )
      .all() as StoreClashRecord[];
  }

  counts(): { pending: number; unconfirmedCodes: number; clashes: number } {
    return this.db
      .prepare(
        `SELECT (SELECT count(*) FROM store_queue WHERE done_at IS NULL) AS pending,
           (SELECT count(*) FROM store_offline_codes WHERE state = 'unconfirmed') AS unconfirmedCodes,
           (SELECT count(*) FROM store_clashes) AS clashes`,
      )
      .get() as { pending: number; unconfirmedCodes: number; clashes: number };
  }
}
