import type { Db } from './database';

export interface ShiftRecord {
  id: number;
  staffId: number;
  pharmacistName: string;
  pharmacistCode: string;
  openedAt: number;
  closedAt: number | null;
}

interface Row {
  id: number;
  staff_id: number;
  display_name: string;
  pharmacist_code: string | null;
  opened_at: number;
  closed_at: number | null;
}

const SELECT = `SELECT s.id, s.staff_id, st.display_name, st.pharmacist_code, s.opened_at, s.closed_at
  FROM pharmacist_shifts s JOIN staff st ON st.id = s.staff_id`;

/** Pharmacist shifts (R-PHARMACIST: on duty). At most one open shift per pharmacist. */
export class ShiftRepository {
  constructor(private readonly db: Db) {}

  openFor(staffId: number): ShiftRecord | null {
    const row = this.db
      .prepare(`${SELECT} WHERE s.staff_id = ? AND s.closed_at IS NULL`)
      .get(staffId) as Row | undefined;
    return row ? toRecord(row) : null;
  }

  /** Open shifts of active pharmacists, earliest first. */
  onDuty(): ShiftRecord[] {
    const rows = this.db
      .prepare(
        `${SELECT} WHERE s.closed_at IS NULL AND st.active = 1 AND st.role = 'pharmacist'
         ORDER BY s.opened_at, s.id`,
      )
      .all() as Row[];
    return rows.map(toRecord);
  }

  /** Opens a shift unless one is open already; returns the open one either way. */
  open(staffId: number, at: number): ShiftRecord {
    return this.db
      .transaction(() => {
        const existing = this.openFor(staffId);
        if (existing) return existing;
        this.db
          .prepare('INSERT INTO pharmacist_shifts (staff_id, opened_at) VALUES (?, ?)')
          .run(staffId, at);
        return this.openFor(staffId) as ShiftRecord;
      })
      .immediate();
  }

  /** Closes the open shift; null when there was none. */
  close(staffId: number, at: number): ShiftRecord | null {
    return this.db
      .transaction(() => {
        const open = this.openFor(staffId);
        if (!open) return null;
        this.db
          .prepare('UPDATE pharmacist_shifts SET closed_at = ? WHERE id = ?')
          .run(Math.max(at, open.openedAt), open.id);
        return { ...open, closedAt: Math.max(at, open.openedAt) };
      })
      .immediate();
  }
}

function toRecord(r: Row): ShiftRecord {
  return {
    id: r.id,
    staffId: r.staff_id,
    pharmacistName: r.display_name,
    pharmacistCode: r.pharmacist_code ?? '',
    openedAt: r.opened_at,
    closedAt: r.closed_at,
  };
}
