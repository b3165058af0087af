import type { Db } from './database';
import { RXNO_OF_DISPENSING } from './dispensing-repository';

/** A pack sold at this counter (R-TRACE-ONCE), with the sale that last used it. */
export interface SoldCode {
  code: string;
  medListCodg: string;
  dispensingId: number;
  soldAt: number;
  returnedAt: number | null;
  unitsPerPack: number | null;
  unitsLeft: number | null;
  lastDispensingId: number;
  lastUsedAt: number;
}

/** The earlier sale shown with a refused repeat: who, when, which prescription. */
export interface SoldCodeWithSale extends SoldCode {
  /** The e-prescription's hi_rxno, or a paper prescription's `<institution>-<serial>`. */
  hiRxno: string;
  patientName: string;
  certno: string;
}

export class SoldCodeRepository {
  private readonly lookup;

  constructor(private readonly db: Db) {
    this.lookup = db.prepare(
      `SELECT s.*, ${RXNO_OF_DISPENSING} AS hi_rxno, d.patient_name, d.certno
       FROM sold_codes s JOIN dispensings d ON d.id = s.last_dispensing_id
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
      dispensingId: r.dispensing_id as number,
      soldAt: r.sold_at as number,
      returnedAt: (r.returned_at as number | null) ?? null,
      unitsPerPack: (r.units_per_pack as number | null) ?? null,
      unitsLeft: (r.units_left as number | null) ?? null,
      lastDispensingId: r.last_dispensing_id as number,
      lastUsedAt: r.last_used_at as number,
      hiRxno: r.hi_rxno as string,
      patientName: r.patient_name as string,
      certno: r.certno as string,
    };
  }

  /**
   * Registers a pack as sold. A returned pack is sold again; a pack sold and not returned makes
   * the statement change nothing, which the caller treats as a repeat (returns false).
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
         ON CONFLICT (code) DO UPDATE SET
           med_list_codg = excluded.med_list_codg, dispensing_id = excluded.dispensing_id,
           sold_at = excluded.sold_at, returned_at = NULL, units_per_pack = excluded.units_per_pack,
           units_left = excluded.units_left, last_dispensing_id = excluded.last_dispensing_id,
           last_used_at = excluded.last_used_at
         WHERE sold_codes.returned_at IS NOT NULL`,
      )
      .run(s);
    return r.changes === 1;
  }

  /** 拆零: takes units from an opened pack; false when fewer units are left than asked. */
  useUnits(code: string, units: number, dispensingId: number, at: number): boolean {
    const r = this.db
      .prepare(
        `UPDATE sold_codes SET units_left = units_left - ?, last_dispensing_id = ?, last_used_at = ?
         WHERE code = ? AND returned_at IS NULL AND units_left >= ?`,
      )
      .run(units, dispensingId, at, code, units);
    return r.changes === 1;
  }
}
