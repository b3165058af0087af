import { assertTransition } from '../domain/lifecycle/transitions';
import type { Db } from './database';

/**
 * Puts a refunded dispensing back (R-REVERSE): the dispensing becomes 'returned', its whole
 * packs go back to their batches and their codes may be sold again (sold_codes.returned_at);
 * 拆零 units go back to the opened pack, which counts as returned once it is full again.
 */
/** Called inside the return's transaction with the packs that left the sold set (store mode). */
export type CodesReturnedListener = (dispensingId: number, codes: string[], at: number) => void;

export class SaleReturnRepository {
  constructor(
    private readonly db: Db,
    private readonly onCodesReturned: CodesReturnedListener | null = null,
  ) {}

  returnDispensing(dispensingId: number, at: number): { packs: number; codes: number } {
    assertTransition('dispensing', 'completed', 'returned');
    const changed = this.db
      .prepare(
        "UPDATE dispensings SET state = 'returned', ended_at = ? WHERE id = ? AND state = 'completed'",
      )
      .run(at, dispensingId).changes;
    if (changed !== 1) return { packs: 0, codes: 0 };
    return this.putBack(dispensingId, at);
  }

  /**
   * 撤销调剂 of a held dispensing (completed, never settled): it becomes 'cancelled' with the
   * reason and pharmacist, and its packs and codes go back exactly as for a refund. The schema
   * refuses it while a settlement of it stands or may stand (migration 16).
   */
  cancelHeld(
    dispensingId: number,
    by: { staffId: number; reason: string },
    at: number,
  ): { packs: number; codes: number } {
    assertTransition('dispensing', 'completed', 'cancelled');
    const changed = this.db
      .prepare(
        `UPDATE dispensings SET state = 'cancelled', ended_at = ?, cancel_reason = ?, cancelled_by = ?
         WHERE id = ? AND state = 'completed'`,
      )
      .run(at, by.reason, by.staffId, dispensingId).changes;
    if (changed !== 1) return { packs: 0, codes: 0 };
    // Completion only left the per-sale uploads waiting for a settlement that never came.
    this.db
      .prepare("DELETE FROM dispensing_uploads WHERE dispensing_id = ? AND state = 'waiting'")
      .run(dispensingId);
    return this.putBack(dispensingId, at);
  }

  /**
   * A refunded self-pay sale (D45): its packs go back to their batches and their codes may be
   * sold again. The caller records the refund itself (rx_self_pay_sales) in the same transaction.
   */
  returnSelfPaySale(saleId: number, at: number): { packs: number; codes: number } {
    const codes = this.db
      .prepare(
        'UPDATE sold_codes SET returned_at = ? WHERE self_pay_sale_id = ? AND returned_at IS NULL',
      )
      .run(at, saleId).changes;
    const allocations = this.db
      .prepare('SELECT batch_id, packs FROM self_pay_allocations WHERE sale_id = ?')
      .all(saleId) as Array<{ batch_id: number; packs: number }>;
    const back = this.db.prepare(
      'UPDATE stock_batches SET packs_on_hand = packs_on_hand + ? WHERE id = ?',
    );
    let packs = 0;
    for (const a of allocations) {
      back.run(a.packs, a.batch_id);
      packs += a.packs;
    }
    return { packs, codes };
  }

  private putBack(dispensingId: number, at: number): { packs: number; codes: number } {
    const codes = this.db
      .prepare(
        `SELECT c.code, c.units, c.reused_pack, l.split_pack, c.line_no
         FROM dispensing_codes c JOIN dispensing_lines l
           ON l.dispensing_id = c.dispensing_id AND l.line_no = c.line_no
         WHERE c.dispensing_id = ?`,
      )
      .all(dispensingId) as Array<{
      code: string;
      units: number | null;
      reused_pack: number;
      split_pack: number;
      line_no: number;
    }>;
    const wholeReturn = this.db.prepare(
      'UPDATE sold_codes SET returned_at = ? WHERE code = ? AND dispensing_id = ? AND returned_at IS NULL',
    );
    const unitsBack = this.db.prepare(
      `UPDATE sold_codes SET units_left = min(units_per_pack, units_left + ?),
         returned_at = CASE WHEN dispensing_id = ? AND units_left + ? >= units_per_pack THEN ? END
       WHERE code = ? AND returned_at IS NULL`,
    );
    const fullLines = new Set<number>();
    const freed: string[] = [];
    for (const c of codes) {
      if (c.split_pack === 1 && c.units !== null) {
        const changed = unitsBack.run(c.units, dispensingId, c.units, at, c.code).changes;
        const full = this.db
          .prepare('SELECT returned_at IS NOT NULL FROM sold_codes WHERE code = ?')
          .pluck()
          .get(c.code) as number | undefined;
        if (full === 1) {
          fullLines.add(c.line_no);
          if (changed === 1) freed.push(c.code);
        }
      } else {
        if (wholeReturn.run(at, c.code, dispensingId).changes === 1) freed.push(c.code);
        fullLines.add(c.line_no);
      }
    }
    const returned = freed.length;
    if (freed.length > 0) this.onCodesReturned?.(dispensingId, freed, at);
    const allocations = this.db
      .prepare(
        'SELECT line_no, batch_id, packs FROM dispensing_allocations WHERE dispensing_id = ?',
      )
      .all(dispensingId) as Array<{ line_no: number; batch_id: number; packs: number }>;
    const back = this.db.prepare(
      'UPDATE stock_batches SET packs_on_hand = packs_on_hand + ? WHERE id = ?',
    );
    let packs = 0;
    for (const a of allocations) {
      if (!fullLines.has(a.line_no)) continue;
      back.run(a.packs, a.batch_id);
      packs += a.packs;
    }
    return { packs, codes: returned };
  }
}
