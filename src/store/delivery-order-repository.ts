import type { DeliveryState } from '../domain/lifecycle/states';
import { assertTransition } from '../domain/lifecycle/transitions';
import type { Db } from './database';

export interface NewDeliveryOrder {
  settlementId: number;
  recipientName: string;
  recipientPhone: string;
  address: string;
  courier: string;
  feeFen: number;
  coldChain: boolean;
  coldChainRecord: string | null;
  createdBy: number;
  createdAt: number;
}

/** A delivery order with personal data in full (mask on output where not needed). */
export interface DeliveryOrderRecord extends NewDeliveryOrder {
  id: number;
  state: DeliveryState;
  hiRxno: string;
  createdByName: string;
  handedOverAt: number | null;
  handedOverByName: string | null;
  receivedAt: number | null;
  receiverName: string | null;
  receiptRecordedByName: string | null;
}

interface Row {
  id: number;
  settlement_id: number;
  hi_rxno: string;
  recipient_name: string;
  recipient_phone: string;
  address: string;
  courier: string;
  fee_fen: number;
  cold_chain: number;
  cold_chain_record: string | null;
  state: DeliveryState;
  created_by: number;
  created_by_name: string;
  created_at: number;
  handed_over_at: number | null;
  handed_over_by_name: string | null;
  received_at: number | null;
  receiver_name: string | null;
  receipt_recorded_by_name: string | null;
}

const SELECT = `SELECT o.*, s.hi_rxno, c.display_name AS created_by_name,
    h.display_name AS handed_over_by_name, r.display_name AS receipt_recorded_by_name
  FROM delivery_orders AS o
  JOIN settlements AS s ON s.id = o.settlement_id
  JOIN staff AS c ON c.id = o.created_by
  LEFT JOIN staff AS h ON h.id = o.handed_over_by
  LEFT JOIN staff AS r ON r.id = o.receipt_recorded_by`;

const fromRow = (r: Row): DeliveryOrderRecord => ({
  id: r.id,
  settlementId: r.settlement_id,
  hiRxno: r.hi_rxno,
  recipientName: r.recipient_name,
  recipientPhone: r.recipient_phone,
  address: r.address,
  courier: r.courier,
  feeFen: r.fee_fen,
  coldChain: r.cold_chain === 1,
  coldChainRecord: r.cold_chain_record,
  state: r.state,
  createdBy: r.created_by,
  createdByName: r.created_by_name,
  createdAt: r.created_at,
  handedOverAt: r.handed_over_at,
  handedOverByName: r.handed_over_by_name,
  receivedAt: r.received_at,
  receiverName: r.receiver_name,
  receiptRecordedByName: r.receipt_recorded_by_name,
});

/** Delivery orders (R-DELIVERY, R-DELIVERY-REC; migration 23): forward-only, never deleted. */
export class DeliveryOrderRepository {
  constructor(private readonly db: Db) {}

  insert(o: NewDeliveryOrder): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO delivery_orders (settlement_id, recipient_name, recipient_phone, address,
             courier, fee_fen, cold_chain, cold_chain_record, state, created_by, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ordered', ?, ?)`,
        )
        .run(
          o.settlementId,
          o.recipientName.trim(),
          o.recipientPhone,
          o.address.trim(),
          o.courier.trim(),
          o.feeFen,
          o.coldChain ? 1 : 0,
          o.coldChainRecord?.trim() || null,
          o.createdBy,
          o.createdAt,
        ).lastInsertRowid,
    );
  }

  get(id: number): DeliveryOrderRecord | null {
    const row = this.db.prepare(`${SELECT} WHERE o.id = ?`).get(id) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  forSettlement(settlementId: number): DeliveryOrderRecord | null {
    const row = this.db.prepare(`${SELECT} WHERE o.settlement_id = ?`).get(settlementId) as
      | Row
      | undefined;
    return row ? fromRow(row) : null;
  }

  /** Created in [fromMs, toMs), oldest first. */
  between(fromMs: number, toMs: number): DeliveryOrderRecord[] {
    const rows = this.db
      .prepare(`${SELECT} WHERE o.created_at >= ? AND o.created_at < ? ORDER BY o.created_at, o.id`)
      .all(fromMs, toMs) as Row[];
    return rows.map(fromRow);
  }

  handedOver(id: number, by: number, at: number): boolean {
    assertTransition('delivery', 'ordered', 'handed_over');
    return (
      this.db
        .prepare(
          `UPDATE delivery_orders SET state = 'handed_over', handed_over_by = ?, handed_over_at = ?
           WHERE id = ? AND state = 'ordered'`,
        )
        .run(by, at, id).changes === 1
    );
  }

  received(id: number, r: { receiverName: string; by: number; at: number }): boolean {
    assertTransition('delivery', 'handed_over', 'received');
    return (
      this.db
        .prepare(
          `UPDATE delivery_orders SET state = 'received', received_at = ?, receiver_name = ?,
             receiver_identity_checked = 1, receipt_recorded_by = ?
           WHERE id = ? AND state = 'handed_over'`,
        )
        .run(r.at, r.receiverName.trim(), r.by, id).changes === 1
    );
  }
}
