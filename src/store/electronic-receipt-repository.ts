import type { ReceiptChoice } from '../domain/settlement/receipt-choice';
import type { Db } from './database';

export interface ElectronicReceiptRecord {
  settlementId: number;
  receiptNo: string;
  patientChoice: ReceiptChoice;
  sm3: string;
  issuedAt: number;
}

interface Row {
  settlement_id: number;
  receipt_no: string;
  patient_choice: ReceiptChoice;
  sm3: string;
  issued_at: number;
}

const fromRow = (r: Row): ElectronicReceiptRecord => ({
  settlementId: r.settlement_id,
  receiptNo: r.receipt_no,
  patientChoice: r.patient_choice,
  sm3: r.sm3,
  issuedAt: r.issued_at,
});

const COLUMNS = 'settlement_id, receipt_no, patient_choice, sm3, issued_at';

/** Electronic receipts (R-EINVOICE; migration 23, append-only). */
export class ElectronicReceiptRepository {
  constructor(private readonly db: Db) {}

  insert(r: ElectronicReceiptRecord & { pdf: Buffer }): void {
    this.db
      .prepare(`INSERT INTO electronic_receipts (${COLUMNS}, pdf) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(r.settlementId, r.receiptNo, r.patientChoice, r.sm3, r.issuedAt, r.pdf);
  }

  get(settlementId: number): ElectronicReceiptRecord | null {
    const row = this.db
      .prepare(`SELECT ${COLUMNS} FROM electronic_receipts WHERE settlement_id = ?`)
      .get(settlementId) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  pdf(settlementId: number): Buffer | null {
    const pdf = this.db
      .prepare('SELECT pdf FROM electronic_receipts WHERE settlement_id = ?')
      .pluck()
      .get(settlementId) as Buffer | undefined;
    return pdf ?? null;
  }

  /** The 红字 receipt of a refunded settlement's receipt (migration 26, append-only). */
  insertReversal(r: {
    settlementId: number;
    receiptNo: string;
    sm3: string;
    issuedAt: number;
    pdf: Buffer;
  }): void {
    this.db
      .prepare(
        `INSERT INTO electronic_receipt_reversals (settlement_id, receipt_no, sm3, issued_at, pdf)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(r.settlementId, r.receiptNo, r.sm3, r.issuedAt, r.pdf);
  }

  reversal(settlementId: number): Omit<ElectronicReceiptRecord, 'patientChoice'> | null {
    const row = this.db
      .prepare(
        `SELECT settlement_id, receipt_no, sm3, issued_at FROM electronic_receipt_reversals
          WHERE settlement_id = ?`,
      )
      .get(settlementId) as Omit<Row, 'patient_choice'> | undefined;
    return row
      ? {
          settlementId: row.settlement_id,
          receiptNo: row.receipt_no,
          sm3: row.sm3,
          issuedAt: row.issued_at,
        }
      : null;
  }

  reversalPdf(settlementId: number): Buffer | null {
    const pdf = this.db
      .prepare('SELECT pdf FROM electronic_receipt_reversals WHERE settlement_id = ?')
      .pluck()
      .get(settlementId) as Buffer | undefined;
    return pdf ?? null;
  }

  /** Issued in [fromMs, toMs), oldest first. */
  between(fromMs: number, toMs: number): ElectronicReceiptRecord[] {
    const rows = this.db
      .prepare(
        `SELECT ${COLUMNS} FROM electronic_receipts
         WHERE issued_at >= ? AND issued_at < ? ORDER BY issued_at, settlement_id`,
      )
      .all(fromMs, toMs) as Row[];
    return rows.map(fromRow);
  }
}
