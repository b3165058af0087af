import type { SoldCodeWithSale } from '../domain/trace/sold-code';
import type { Db } from './database';
import { RXNO_OF_DISPENSING } from './dispensing-repository';

export class SoldCodeRepository {
  private readonly lookup;

  constructor(private readonly db: Db) {
    this.lookup = db.prepare(
      `SELECT s.*, ${RXNO_OF_DISPENSING} AS hi_rxno, d.patient_name, d.certno
       FROM sold_codes s LEFT JOIN dispensings d ON d.id = s.last_dispensing_id
       LEFT JOIN paper_prescriptions p ON p.id = d.paper_id
       WHERE s.code = ?`,
    );
  }

  /** One primary-key lookup (and one rowid lookup of the sale). */
  find(code: string): SoldCodeWithSale | undefined {
    const r = this.lookup.get(code) as Record<string, unknown> | undefined;
    if (!r) return undefined;
    return {
      code: r.code as string,
      medListCodg: r.med_list_codg as string,
      dispensingId: (r.dispensing_id as number | null) ?? null,
      selfPaySaleId: (r.self_pay_sale_id as number | null) ?? null,
      soldAt: r.sold_at as number,
      returnedAt: (r.returned_at as number | null) ?? null,
      unitsPerPack: (r.units_per_pack as number | null) ?? null,
      unitsLeft: (r.units_left as number | null) ?? null,
      lastDispensingId: (r.last_dispensing_id as number | null) ?? null,
      lastUsedAt: r.last_used_at as number,
      hiRxno: (r.hi_rxno as string | null) ?? null,
      patientName: (r.patient_name as string | null) ?? null,
      certno: (r.certno as string | null) ?? null,
    };
  }

  /** The row of a pack not sold, or sold and returned (a live pack is never overwritten). */
  private upsert(set: string): string {
    return `ON CONFLICT (code) DO UPDATE SET ${set} WHERE sold_codes.returned_at IS NOT NULL`;
  }

  /**
   * Registers a pack as sold by a dispensing. A returned pack is sold again; a pack sold and not
   * returned makes the statement change nothing, which the caller treats as a repeat (false).
   */
  sell(s: {
    code: string;
    medListCodg: string;
    dispensingId: number;
    at: number;
    unitsPerPack: number | null;
    unitsLeft: number | null;
  }): boolean {
    const r = this.db
      .prepare(
        `INSERT INTO sold_codes (code, med_list_codg, dispensing_id, sold_at, units_per_pack, units_left,
           last_dispensing_id, last_used_at)
         VALUES (@code, @medListCodg, @dispensingId, @at, @unitsPerPack, @unitsLeft, @dispensingId, @at)
         ${this.upsert(`med_list_codg = excluded.med_list_codg, dispensing_id = excluded.dispensing_id,
           self_pay_sale_id = NULL, sold_at = excluded.sold_at, returned_at = NULL,
           units_per_pack = excluded.units_per_pack, units_left = excluded.units_left,
           last_dispensing_id = excluded.last_dispensing_id, last_used_at = excluded.last_used_at`)}`,
      )
      .run(s);
    return r.changes === 1;
  }

  /** Registers a whole pack sold for cash; false when the pack is sold and not returned. */
  sellSelfPay(s: { code: string; medListCodg: string; saleId: number; at: number }): boolean {
    const r = this.db
      .prepare(
        `INSERT INTO sold_codes (code, med_list_codg, self_pay_sale_id, sold_at, last_used_at)
         VALUES (@code, @medListCodg, @saleId, @at, @at)
         ${this.upsert(`med_list_codg = excluded.med_list_codg, dispensing_id = NULL,
           self_pay_sale_id = excluded.self_pay_sale_id, sold_at = excluded.sold_at,
           returned_at = NULL, units_per_pack = NULL, units_left = NULL, last_dispensing_id = NULL,
           last_used_at = excluded.last_used_at`)}`,
      )
      .run(s);
    return r.changes === 1;
  }

  /** 拆零: takes units from an opened pack; false when fewer units are left than asked. */
  takeUnits(code: string, units: number, dispensingId: number, at: number): boolean {
    const r = this.db
      .prepare(
        `UPDATE sold_codes SET units_left = units_left - ?, last_dispensing_id = ?, last_used_at = ?
         WHERE code = ? AND returned_at IS NULL AND units_left >= ? AND dispensing_id IS NOT NULL`,
      )
      .run(units, dispensingId, at, code, units);
    return r.changes === 1;
  }
}
