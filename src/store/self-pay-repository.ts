import type { Db } from './database';

export interface SelfPaySale {
  id: number;
  staffId: number;
  staffName: string;
  totalFen: number;
  soldAt: number;
}

export interface SelfPayLine {
  lineNo: number;
  medListCodg: string;
  name: string;
  packs: number;
  priceFen: number;
  codes: string[];
  batches: Array<{ batchId: number; batchNo: string; expiry: string; packs: number }>;
}

/** Self-pay sales of non-prescription goods (migration 5). */
export class SelfPayRepository {
  constructor(private readonly db: Db) {}

  create(staffId: number, totalFen: number, at: number): number {
    return this.db
      .prepare(
        'INSERT INTO self_pay_sales (staff_id, total_fen, sold_at) VALUES (?, ?, ?) RETURNING id',
      )
      .pluck()
      .get(staffId, totalFen, at) as number;
  }

  addLine(saleId: number, l: Omit<SelfPayLine, 'codes' | 'batches'>): void {
    this.db
      .prepare(
        `INSERT INTO self_pay_lines (sale_id, line_no, med_list_codg, name, packs, price_fen)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(saleId, l.lineNo, l.medListCodg, l.name, l.packs, l.priceFen);
  }

  /** The sale's code list; R-TRACE-ONCE across every sale path is sold_codes' (migration 13). */
  addCode(saleId: number, lineNo: number, code: string): boolean {
    return (
      this.db
        .prepare(
          'INSERT INTO self_pay_codes (sale_id, line_no, code) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
        )
        .run(saleId, lineNo, code).changes === 1
    );
  }

  addAllocation(saleId: number, lineNo: number, batchId: number, packs: number): void {
    this.db
      .prepare(
        `INSERT INTO self_pay_allocations (sale_id, line_no, batch_id, packs) VALUES (?, ?, ?, ?)
         ON CONFLICT (sale_id, line_no, batch_id) DO UPDATE SET packs = packs + excluded.packs`,
      )
      .run(saleId, lineNo, batchId, packs);
  }

  get(id: number): SelfPaySale | undefined {
    const r = this.db
      .prepare(
        `SELECT s.*, st.display_name FROM self_pay_sales s JOIN staff st ON st.id = s.staff_id
         WHERE s.id = ?`,
      )
      .get(id) as Record<string, unknown> | undefined;
    if (!r) return undefined;
    return {
      id: r.id as number,
      staffId: r.staff_id as number,
      staffName: r.display_name as string,
      totalFen: r.total_fen as number,
      soldAt: r.sold_at as number,
    };
  }

  lines(saleId: number): SelfPayLine[] {
    const lines = this.db
      .prepare('SELECT * FROM self_pay_lines WHERE sale_id = ? ORDER BY line_no')
      .all(saleId) as Array<Record<string, unknown>>;
    const codes = this.db
      .prepare('SELECT line_no, code FROM self_pay_codes WHERE sale_id = ? ORDER BY rowid')
      .all(saleId) as Array<{ line_no: number; code: string }>;
    const batches = this.db
      .prepare(
        `SELECT a.line_no, a.batch_id, a.packs, b.batch_no, b.expiry FROM self_pay_allocations a
         JOIN stock_batches b ON b.id = a.batch_id WHERE a.sale_id = ? ORDER BY b.expiry, b.id`,
      )
      .all(saleId) as Array<Record<string, unknown>>;
    return lines.map((r) => ({
      lineNo: r.line_no as number,
      medListCodg: r.med_list_codg as string,
      name: r.name as string,
      packs: r.packs as number,
      priceFen: r.price_fen as number,
      codes: codes.filter((c) => c.line_no === r.line_no).map((c) => c.code),
      batches: batches
        .filter((b) => b.line_no === r.line_no)
        .map((b) => ({
          batchId: b.batch_id as number,
          batchNo: b.batch_no as string,
          expiry: b.expiry as string,
          packs: b.packs as number,
        })),
    }));
  }
}
