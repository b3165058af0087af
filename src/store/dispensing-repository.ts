import type { DispensingCode, DispensingLine } from '../domain/dispense/dispensing-lines';
import type { DispensingState } from '../domain/lifecycle/states';
import { assertTransition } from '../domain/lifecycle/transitions';
import type { Db } from './database';

export type DispensingSource = 'electronic' | 'paper';

export interface Dispensing {
  id: number;
  source: DispensingSource;
  /** The e-prescription's hi_rxno; null for a paper prescription. */
  hiRxno: string | null;
  /** The archived paper prescription (migration 7); null for an e-prescription. */
  paperId: number | null;
  /** Paper only: the licensed pharmacist who reviewed it at the counter (R-PHARMACIST). */
  reviewedBy: number | null;
  certno: string;
  patientName: string;
  staffId: number;
  state: DispensingState;
  startedAt: number;
  completedAt: number | null;
}

export interface Allocation {
  lineNo: number;
  batchId: number;
  batchNo: string;
  expiry: string;
  packs: number;
}

/** A completed dispensing line of a patient, for history (R-HISTORY). */
export interface PastLine {
  dispensingId: number;
  /** The e-prescription's hi_rxno, or a paper prescription's `<institution>-<serial>`. */
  hiRxno: string;
  completedAt: number;
  medListCodg: string;
  genname: string;
  qtyDispensed: number;
  qtyUnit: string;
  splitPack: boolean;
  unitsPerPack: number | null;
  days: number | null;
}

const dispensingFrom = (r: Record<string, unknown>): Dispensing => ({
  id: r.id as number,
  source: r.paper_id === null ? 'electronic' : 'paper',
  hiRxno: (r.hi_rxno as string | null) ?? null,
  paperId: (r.paper_id as number | null) ?? null,
  reviewedBy: (r.reviewed_by as number | null) ?? null,
  certno: r.certno as string,
  patientName: r.patient_name as string,
  staffId: r.staff_id as number,
  state: r.state as DispensingState,
  startedAt: r.started_at as number,
  completedAt: (r.completed_at as number | null) ?? null,
});

/**
 * SQL for a dispensing's prescription number (alias d, paper alias p LEFT JOINed): the
 * e-prescription's hi_rxno, or the paper prescription's `<institution>-<serial>` (paperRxno).
 */
export const RXNO_OF_DISPENSING = "coalesce(d.hi_rxno, p.institution_code || '-' || p.serial_no)";

export class DispensingRepository {
  constructor(private readonly db: Db) {}

  create(
    d: Omit<Dispensing, 'id' | 'state' | 'completedAt' | 'source'>,
    lines: DispensingLine[],
  ): number {
    const id = this.db
      .prepare(
        `INSERT INTO dispensings (hi_rxno, paper_id, reviewed_by, certno, patient_name, staff_id,
           state, started_at)
         VALUES (?, ?, ?, ?, ?, ?, 'open', ?) RETURNING id`,
      )
      .pluck()
      .get(
        d.hiRxno,
        d.paperId,
        d.reviewedBy,
        d.certno,
        d.patientName,
        d.staffId,
        d.startedAt,
      ) as number;
    const insert = this.db.prepare(
      `INSERT INTO dispensing_lines (dispensing_id, line_no, med_list_codg, genname, split_pack,
         units_per_pack, qty_prescribed, qty_unit, packs_prescribed, days)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const l of lines) {
      insert.run(
        id,
        l.lineNo,
        l.medListCodg,
        l.genname,
        l.splitPack ? 1 : 0,
        l.unitsPerPack,
        l.qtyPrescribed,
        l.qtyUnit,
        l.packsPrescribed,
        l.days,
      );
    }
    return id;
  }

  get(id: number): Dispensing | undefined {
    const r = this.db.prepare('SELECT * FROM dispensings WHERE id = ?').get(id);
    return r ? dispensingFrom(r as Record<string, unknown>) : undefined;
  }

  /** The open or completed dispensing of a prescription. */
  live(hiRxno: string): Dispensing | undefined {
    const r = this.db
      .prepare("SELECT * FROM dispensings WHERE hi_rxno = ? AND state IN ('open', 'completed')")
      .get(hiRxno);
    return r ? dispensingFrom(r as Record<string, unknown>) : undefined;
  }

  /** The open or completed dispensing of the paper prescription whose rxno is `<institution>-<serial>`. */
  livePaperRxno(rxno: string): Dispensing | undefined {
    const r = this.db
      .prepare(
        `SELECT d.* FROM dispensings d JOIN paper_prescriptions p ON p.id = d.paper_id
         WHERE p.institution_code || '-' || p.serial_no = ? AND d.state IN ('open', 'completed')`,
      )
      .get(rxno);
    return r ? dispensingFrom(r as Record<string, unknown>) : undefined;
  }

  /** The open or completed dispensing of a paper prescription. */
  livePaper(paperId: number): Dispensing | undefined {
    const r = this.db
      .prepare("SELECT * FROM dispensings WHERE paper_id = ? AND state IN ('open', 'completed')")
      .get(paperId);
    return r ? dispensingFrom(r as Record<string, unknown>) : undefined;
  }

  /**
   * Held dispensings: completed (stock taken, codes sold) with no settlement that stands or may
   * stand, oldest first; the counter must settle or cancel each (issue 19). One handed to the
   * hospital's inpatient settlement is not held: the hospital settles it (R-MT-SETTLE, D47).
   */
  held(): Array<Dispensing & { rxno: string }> {
    const rows = this.db
      .prepare(
        `SELECT d.*, ${RXNO_OF_DISPENSING} AS rxno FROM dispensings d
         LEFT JOIN paper_prescriptions p ON p.id = d.paper_id
         WHERE d.state = 'completed' AND NOT EXISTS (SELECT 1 FROM settlements s
           WHERE s.dispensing_id = d.id AND s.state NOT IN ('refused', 'voided'))
         AND NOT EXISTS (SELECT 1 FROM stay_handovers h
           WHERE h.dispensing_id = d.id AND h.state = 'handed_over')
         ORDER BY d.completed_at, d.id`,
      )
      .all() as Array<Record<string, unknown>>;
    return rows.map((r) => ({ ...dispensingFrom(r), rxno: r.rxno as string }));
  }

  /** Every dispensing of a paper prescription, newest first (a returned one stays listed). */
  ofPaper(paperId: number): Dispensing[] {
    return (
      this.db
        .prepare('SELECT * FROM dispensings WHERE paper_id = ? ORDER BY id DESC')
        .all(paperId) as Array<Record<string, unknown>>
    ).map(dispensingFrom);
  }

  lines(id: number): DispensingLine[] {
    const rows = this.db
      .prepare('SELECT * FROM dispensing_lines WHERE dispensing_id = ? ORDER BY line_no')
      .all(id) as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      lineNo: r.line_no as number,
      medListCodg: r.med_list_codg as string,
      genname: r.genname as string,
      splitPack: r.split_pack === 1,
      unitsPerPack: (r.units_per_pack as number | null) ?? null,
      qtyPrescribed: r.qty_prescribed as number,
      qtyUnit: r.qty_unit as string,
      packsPrescribed: r.packs_prescribed as number,
      qtyDispensed: r.qty_dispensed as number,
      days: (r.days as number | null) ?? null,
    }));
  }

  codes(id: number): DispensingCode[] {
    const rows = this.db
      .prepare('SELECT * FROM dispensing_codes WHERE dispensing_id = ? ORDER BY line_no, pack_no')
      .all(id) as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      lineNo: r.line_no as number,
      code: r.code as string,
      kind: r.kind as DispensingCode['kind'],
      raw: r.raw as string,
      packNo: r.pack_no as number,
      units: (r.units as number | null) ?? null,
      reusedPack: r.reused_pack === 1,
      scannedAt: r.scanned_at as number,
    }));
  }

  addCode(id: number, c: DispensingCode): void {
    this.db
      .prepare(
        `INSERT INTO dispensing_codes (dispensing_id, line_no, code, kind, raw, pack_no, units,
           reused_pack, scanned_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        c.lineNo,
        c.code,
        c.kind,
        c.raw,
        c.packNo,
        c.units,
        c.reusedPack ? 1 : 0,
        c.scannedAt,
      );
  }

  /** Removes a code and renumbers the line's packs so they stay 1…n. */
  removeCode(id: number, code: string): boolean {
    const row = this.db
      .prepare(
        'DELETE FROM dispensing_codes WHERE dispensing_id = ? AND code = ? RETURNING line_no, pack_no',
      )
      .get(id, code) as { line_no: number; pack_no: number } | undefined;
    if (!row) return false;
    this.db
      .prepare(
        `UPDATE dispensing_codes SET pack_no = pack_no - 1
         WHERE dispensing_id = ? AND line_no = ? AND pack_no > ?`,
      )
      .run(id, row.line_no, row.pack_no);
    return true;
  }

  setDispensed(id: number, lineNo: number, qty: number): void {
    this.db
      .prepare(
        'UPDATE dispensing_lines SET qty_dispensed = ? WHERE dispensing_id = ? AND line_no = ?',
      )
      .run(qty, id, lineNo);
  }

  addAllocation(id: number, lineNo: number, batchId: number, packs: number): void {
    this.db
      .prepare(
        `INSERT INTO dispensing_allocations (dispensing_id, line_no, batch_id, packs) VALUES (?, ?, ?, ?)
         ON CONFLICT (dispensing_id, line_no, batch_id) DO UPDATE SET packs = packs + excluded.packs`,
      )
      .run(id, lineNo, batchId, packs);
  }

  allocations(id: number): Allocation[] {
    const rows = this.db
      .prepare(
        `SELECT a.line_no, a.batch_id, a.packs, b.batch_no, b.expiry
         FROM dispensing_allocations a JOIN stock_batches b ON b.id = a.batch_id
         WHERE a.dispensing_id = ? ORDER BY a.line_no, b.expiry, b.id`,
      )
      .all(id) as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      lineNo: r.line_no as number,
      batchId: r.batch_id as number,
      batchNo: r.batch_no as string,
      expiry: r.expiry as string,
      packs: r.packs as number,
    }));
  }

  complete(id: number, at: number): void {
    assertTransition('dispensing', 'open', 'completed');
    this.db
      .prepare(
        "UPDATE dispensings SET state = 'completed', completed_at = ?, ended_at = ? WHERE id = ? AND state = 'open'",
      )
      .run(at, at, id);
  }

  cancel(id: number, at: number): void {
    assertTransition('dispensing', 'open', 'cancelled');
    this.db
      .prepare(
        "UPDATE dispensings SET state = 'cancelled', ended_at = ? WHERE id = ? AND state = 'open'",
      )
      .run(at, id);
  }

  /**
   * Leaves the per-sale uploads waiting for the settlement: 7207 and 3505 for an
   * e-prescription; only 3505 for paper, which the e-prescription center does not know.
   */
  awaitUploads(id: number, source: DispensingSource, at: number): void {
    const insert = this.db.prepare(
      `INSERT INTO dispensing_uploads (dispensing_id, infno, state, created_at, updated_at)
       VALUES (?, ?, 'waiting', ?, ?)`,
    );
    const infnos = source === 'paper' ? ['3505'] : ['7207', '3505'];
    for (const infno of infnos) insert.run(id, infno, at, at);
  }

  /** Completed lines of a patient's earlier dispensings of these drugs, newest first. */
  pastLines(certno: string, medListCodgs: string[], excludeHiRxno: string): PastLine[] {
    if (medListCodgs.length === 0) return [];
    const marks = medListCodgs.map(() => '?').join(', ');
    const rows = this.db
      .prepare(
        `SELECT d.id, ${RXNO_OF_DISPENSING} AS hi_rxno, d.completed_at, l.med_list_codg,
           l.genname, l.qty_dispensed, l.qty_unit, l.split_pack, l.units_per_pack, l.days
         FROM dispensings d JOIN dispensing_lines l ON l.dispensing_id = d.id
         LEFT JOIN paper_prescriptions p ON p.id = d.paper_id
         WHERE d.certno = ? AND d.state = 'completed' AND d.hi_rxno IS NOT ?
           AND l.med_list_codg IN (${marks})
         ORDER BY d.completed_at DESC`,
      )
      .all(certno, excludeHiRxno, ...medListCodgs) as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      dispensingId: r.id as number,
      hiRxno: r.hi_rxno as string,
      completedAt: r.completed_at as number,
      medListCodg: r.med_list_codg as string,
      genname: r.genname as string,
      qtyDispensed: r.qty_dispensed as number,
      qtyUnit: r.qty_unit as string,
      splitPack: r.split_pack === 1,
      unitsPerPack: (r.units_per_pack as number | null) ?? null,
      days: (r.days as number | null) ?? null,
    }));
  }
}
