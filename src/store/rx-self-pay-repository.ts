import { nameLikePattern, type PatientTerm } from '../domain/settlement/lookup-term';
import type { SelfPayConfirmer } from '../domain/settlement/rx-self-pay';
import type { Db } from './database';

export interface RxSelfPayConsent {
  id: number;
  hiRxno: string;
  confirmedBy: string;
  confirmerRelation: SelfPayConfirmer;
  words: string;
  recordedBy: number;
  recordedByName: string;
  recordedAt: number;
}

export interface RxSelfPaySale {
  saleId: number;
  hiRxno: string;
  consentId: number;
  refundedAt: number | null;
  refundReason: string | null;
}

const CONSENT_SELECT = `SELECT c.*, st.display_name FROM rx_self_pay_consents c
  JOIN staff st ON st.id = c.recorded_by`;

function consentOf(r: Record<string, unknown>): RxSelfPayConsent {
  return {
    id: r.id as number,
    hiRxno: r.hi_rxno as string,
    confirmedBy: r.confirmed_by as string,
    confirmerRelation: r.confirmer_relation as SelfPayConfirmer,
    words: r.words as string,
    recordedBy: r.recorded_by as number,
    recordedByName: r.display_name as string,
    recordedAt: r.recorded_at as number,
  };
}

function saleOf(r: Record<string, unknown>): RxSelfPaySale {
  return {
    saleId: r.sale_id as number,
    hiRxno: r.hi_rxno as string,
    consentId: r.consent_id as number,
    refundedAt: (r.refunded_at as number | null) ?? null,
    refundReason: (r.refund_reason as string | null) ?? null,
  };
}

/** 自费结算 of e-prescriptions: the patients' consents and the sales made on them (migration 30). */
export class RxSelfPayRepository {
  constructor(private readonly db: Db) {}

  addConsent(c: Omit<RxSelfPayConsent, 'id' | 'recordedByName'> & { certno: string }): number {
    return this.db
      .prepare(
        `INSERT INTO rx_self_pay_consents
           (hi_rxno, certno, confirmed_by, confirmer_relation, words, recorded_by, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .pluck()
      .get(
        c.hiRxno,
        c.certno,
        c.confirmedBy,
        c.confirmerRelation,
        c.words,
        c.recordedBy,
        c.recordedAt,
      ) as number;
  }

  /** The latest consent of the prescription that no sale has used yet. */
  unusedConsent(hiRxno: string): RxSelfPayConsent | undefined {
    const r = this.db
      .prepare(
        `${CONSENT_SELECT} WHERE c.hi_rxno = ?
           AND NOT EXISTS (SELECT 1 FROM rx_self_pay_sales s WHERE s.consent_id = c.id)
         ORDER BY c.id DESC LIMIT 1`,
      )
      .get(hiRxno) as Record<string, unknown> | undefined;
    return r ? consentOf(r) : undefined;
  }

  consent(id: number): RxSelfPayConsent | undefined {
    const r = this.db.prepare(`${CONSENT_SELECT} WHERE c.id = ?`).get(id) as
      | Record<string, unknown>
      | undefined;
    return r ? consentOf(r) : undefined;
  }

  link(saleId: number, hiRxno: string, consentId: number): void {
    this.db
      .prepare('INSERT INTO rx_self_pay_sales (sale_id, hi_rxno, consent_id) VALUES (?, ?, ?)')
      .run(saleId, hiRxno, consentId);
  }

  ofSale(saleId: number): RxSelfPaySale | undefined {
    const r = this.db.prepare('SELECT * FROM rx_self_pay_sales WHERE sale_id = ?').get(saleId) as
      | Record<string, unknown>
      | undefined;
    return r ? saleOf(r) : undefined;
  }

  /** The prescription's self-pay sale that stands (not refunded), if any. */
  standing(hiRxno: string): RxSelfPaySale | undefined {
    const r = this.db
      .prepare('SELECT * FROM rx_self_pay_sales WHERE hi_rxno = ? AND refunded_at IS NULL')
      .get(hiRxno) as Record<string, unknown> | undefined;
    return r ? saleOf(r) : undefined;
  }

  /** Marks the sale refunded; false when it already was. */
  refunded(saleId: number, staffId: number, reason: string, at: number): boolean {
    return (
      this.db
        .prepare(
          `UPDATE rx_self_pay_sales SET refunded_at = ?, refunded_by = ?, refund_reason = ?
           WHERE sale_id = ? AND refunded_at IS NULL`,
        )
        .run(at, staffId, reason, saleId).changes === 1
    );
  }

  /** Self-pay sales of e-prescriptions of a patient in a period, newest first: sale ids. */
  byPatient(term: PatientTerm, startMs: number, endMs: number): number[] {
    const who =
      term.kind === 'certTail'
        ? { sql: 'upper(p.certno) LIKE ?', arg: `%${term.digits}` }
        : { sql: "p.patient_name LIKE ? ESCAPE '\\'", arg: nameLikePattern(term.pattern) };
    return this.db
      .prepare(
        `SELECT r.sale_id FROM rx_self_pay_sales r
           JOIN self_pay_sales s ON s.id = r.sale_id
           JOIN prescriptions p ON p.hi_rxno = r.hi_rxno
          WHERE ${who.sql} AND s.sold_at >= ? AND s.sold_at < ?
          ORDER BY s.sold_at DESC, r.sale_id DESC LIMIT 200`,
      )
      .pluck()
      .all(who.arg, startMs, endMs) as number[];
  }
}
