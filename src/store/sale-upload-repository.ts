import { assertTransition } from '../domain/lifecycle/transitions';
import type { Db } from './database';

export interface SaleUpload {
  id: number;
  settlementId: number | null;
  saleId: number | null;
  batchId: number | null;
  infno: string;
  msgid: string;
  createdAt: number;
}

export type SaleUploadOwner =
  | { settlementId: number }
  | { saleId: number }
  | { stayHandoverId: number }
  | { batchId: number | null; stock: true };

function fromRow(r: Record<string, unknown>): SaleUpload {
  return {
    id: r.id as number,
    settlementId: (r.settlement_id as number | null) ?? null,
    saleId: (r.sale_id as number | null) ?? null,
    batchId: (r.batch_id as number | null) ?? null,
    infno: r.infno as string,
    msgid: r.msgid as string,
    createdAt: r.created_at as number,
  };
}

/** Which outbox items (by msgid) belong to which sale or stock event (migration 5, sale_uploads). */
export class SaleUploadRepository {
  constructor(private readonly db: Db) {}

  add(owner: SaleUploadOwner, infno: string, msgid: string, at: number): void {
    const settlementId = 'settlementId' in owner ? owner.settlementId : null;
    const saleId = 'saleId' in owner ? owner.saleId : null;
    const batchId = 'batchId' in owner ? owner.batchId : null;
    const stayId = 'stayHandoverId' in owner ? owner.stayHandoverId : null;
    this.db
      .prepare(
        `INSERT INTO sale_uploads (settlement_id, sale_id, batch_id, stay_handover_id, infno, msgid, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(settlementId, saleId, batchId, stayId, infno, msgid, at);
  }

  forSettlement(settlementId: number): SaleUpload[] {
    return (
      this.db
        .prepare('SELECT * FROM sale_uploads WHERE settlement_id = ? ORDER BY id')
        .all(settlementId) as Array<Record<string, unknown>>
    ).map(fromRow);
  }

  forSale(saleId: number): SaleUpload[] {
    return (
      this.db
        .prepare('SELECT * FROM sale_uploads WHERE sale_id = ? ORDER BY id')
        .all(saleId) as Array<Record<string, unknown>>
    ).map(fromRow);
  }

  forStayHandover(stayHandoverId: number): SaleUpload[] {
    return (
      this.db
        .prepare('SELECT * FROM sale_uploads WHERE stay_handover_id = ? ORDER BY id')
        .all(stayHandoverId) as Array<Record<string, unknown>>
    ).map(fromRow);
  }

  byMsgid(msgid: string): SaleUpload | undefined {
    const r = this.db.prepare('SELECT * FROM sale_uploads WHERE msgid = ?').get(msgid);
    return r ? fromRow(r as Record<string, unknown>) : undefined;
  }
}

/** The batch a 拆零 pack came from: the allocation of the dispensing that first sold it. */
export function batchOfSoldCode(
  db: Db,
  code: string,
): { batchNo: string; expiry: string } | undefined {
  return db
    .prepare(
      `SELECT b.batch_no AS batchNo, b.expiry FROM sold_codes s
       JOIN dispensing_lines l ON l.dispensing_id = s.dispensing_id AND l.med_list_codg = s.med_list_codg
       JOIN dispensing_allocations a ON a.dispensing_id = l.dispensing_id AND a.line_no = l.line_no
       JOIN stock_batches b ON b.id = a.batch_id
       WHERE s.code = ? ORDER BY b.expiry LIMIT 1`,
    )
    .get(code) as { batchNo: string; expiry: string } | undefined;
}

/** The dispense area's per-sale upload rows (migration 4): queued with their msgid, then delivered. */
export function markDispensingUpload(
  db: Db,
  dispensingId: number,
  infno: '7207' | '3505',
  change: { state: 'queued'; msgid: string } | { state: 'delivered'; msgid: string },
  at: number,
): void {
  if (change.state === 'queued') {
    assertTransition('upload', 'waiting', 'queued');
    db.prepare(
      `UPDATE dispensing_uploads SET state = 'queued', outbox_msgid = ?, updated_at = ?
       WHERE dispensing_id = ? AND infno = ? AND state = 'waiting'`,
    ).run(change.msgid, at, dispensingId, infno);
    return;
  }
  assertTransition('upload', 'queued', 'delivered');
  db.prepare(
    `UPDATE dispensing_uploads SET state = 'delivered', updated_at = ?
     WHERE outbox_msgid = ? AND state = 'queued'`,
  ).run(at, change.msgid);
}
