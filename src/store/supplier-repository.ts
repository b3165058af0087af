import type { Db } from './database';

/** One supplier of the pharmacy's managed list (suppliers, migration 22). */
export interface Supplier {
  id: number;
  name: string;
  licenceNo: string;
  licenceValidUntil: string;
  active: boolean;
}

export interface SupplierInput {
  name: string;
  licenceNo: string;
  licenceValidUntil: string;
  active: boolean;
}

const COLUMNS = `id, name, licence_no AS licenceNo, licence_valid_until AS licenceValidUntil,
  active = 1 AS active`;

type Row = Omit<Supplier, 'active'> & { active: number };
const fromRow = (r: Row): Supplier => ({ ...r, active: r.active === 1 });

export class SupplierRepository {
  constructor(private readonly db: Db) {}

  list(): Supplier[] {
    const rows = this.db
      .prepare(`SELECT ${COLUMNS} FROM suppliers ORDER BY active DESC, name`)
      .all() as Row[];
    return rows.map(fromRow);
  }

  get(id: number): Supplier | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM suppliers WHERE id = ?`).get(id) as
      | Row
      | undefined;
    return row ? fromRow(row) : undefined;
  }

  create(s: SupplierInput, staffId: number, at: number): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO suppliers (name, licence_no, licence_valid_until, active, created_by,
             created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(s.name, s.licenceNo, s.licenceValidUntil, s.active ? 1 : 0, staffId, at, at)
        .lastInsertRowid,
    );
  }

  /** A renewed licence or a supplier stopped; receipts keep the licence they were made under. */
  update(id: number, s: SupplierInput, at: number): boolean {
    return (
      this.db
        .prepare(
          `UPDATE suppliers SET name = ?, licence_no = ?, licence_valid_until = ?, active = ?,
             updated_at = ? WHERE id = ?`,
        )
        .run(s.name, s.licenceNo, s.licenceValidUntil, s.active ? 1 : 0, at, id).changes === 1
    );
  }
}
