import type { PaperConfirmationState, PaperStatus } from '../domain/lifecycle/states';
import { assertTransition } from '../domain/lifecycle/transitions';
import type { PaperHeader } from '../domain/paper/paper-types';
import type { Db } from './database';

export type PaperMime = 'image/jpeg' | 'image/png' | 'application/pdf';

export interface PaperLineRecord {
  lineNo: number;
  medListCodg: string;
  genname: string;
  spec: string;
  unit: string;
  quantity: number;
  days: number;
  dualChannel: boolean;
}

export interface NewPaperRecord extends PaperHeader {
  imageSm3: string;
  regionId: string;
  /** JSON of the warnings found at capture. */
  warnings: string;
  capturedBy: number;
  createdAt: number;
  lines: PaperLineRecord[];
  /** A pharmacist's capture is confirmed by that pharmacist in the same transaction (migration 28). */
  confirmedByCapturer?: boolean;
}

/** A pharmacist's decision on the record; `pending` until one is made (R-PHARMACIST). */
export interface PaperConfirmation {
  state: PaperConfirmationState;
  by: number | null;
  at: number | null;
  reason: string | null;
}

export interface PaperRecord extends Omit<NewPaperRecord, 'lines' | 'confirmedByCapturer'> {
  id: number;
  confirmation: PaperConfirmation;
  status: PaperStatus;
  imageMime: PaperMime;
  imageSize: number;
  lines: PaperLineRecord[];
}

export interface PaperImage {
  sm3: string;
  mime: PaperMime;
  size: number;
  bytes: Buffer;
}

interface Row {
  id: number;
  institution_code: string;
  institution_name: string;
  serial_no: string;
  rx_date: string;
  physician_name: string;
  patient_name: string;
  patient_certno: string;
  long_rx: number;
  image_sm3: string;
  region_id: string;
  warnings: string;
  status: PaperStatus;
  captured_by: number;
  created_at: number;
  mime: PaperMime;
  size: number;
  decision: 'confirmed' | 'rejected' | null;
  reason: string | null;
  decided_by: number | null;
  decided_at: number | null;
}

interface LineRow {
  paper_id: number;
  line_no: number;
  med_list_codg: string;
  genname: string;
  spec: string;
  unit: string;
  quantity: number;
  days: number;
  dual_channel: number;
}

const SELECT = `SELECT p.*, i.mime, i.size, c.decision, c.reason, c.decided_by, c.decided_at
  FROM paper_prescriptions p
  JOIN paper_images i ON i.sm3 = p.image_sm3
  LEFT JOIN paper_confirmations c ON c.paper_id = p.id`;

/** Paper prescriptions and their images (migration 6). */
export class PaperRepository {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  /** Stores the image (once per digest) and the record with its lines; one transaction. */
  insert(record: NewPaperRecord, image: PaperImage): number {
    return this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO paper_images (sm3, mime, size, bytes, created_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (sm3) DO NOTHING`,
        )
        .run(image.sm3, image.mime, image.size, image.bytes, record.createdAt);
      const id = Number(
        this.db
          .prepare(
            `INSERT INTO paper_prescriptions (institution_code, institution_name, serial_no,
              rx_date, physician_name, patient_name, patient_certno, long_rx, signature_confirmed,
              stamp_confirmed, image_sm3, region_id, warnings, captured_by, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ?, ?, ?, ?)`,
          )
          .run(
            record.institutionCode,
            record.institutionName,
            record.serialNo,
            record.rxDate,
            record.physicianName,
            record.patientName,
            record.patientCertno,
            record.longRx ? 1 : 0,
            record.imageSm3,
            record.regionId,
            record.warnings,
            record.capturedBy,
            record.createdAt,
          ).lastInsertRowid,
      );
      const line = this.db.prepare(
        `INSERT INTO paper_prescription_lines (paper_id, line_no, med_list_codg, genname, spec,
          unit, quantity, days, dual_channel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const l of record.lines) {
        line.run(
          id,
          l.lineNo,
          l.medListCodg,
          l.genname,
          l.spec,
          l.unit,
          l.quantity,
          l.days,
          l.dualChannel ? 1 : 0,
        );
      }
      if (record.confirmedByCapturer)
        this.decide(id, 'confirmed', record.capturedBy, record.createdAt);
      return id;
    })();
  }

  /** 待药师确认 → confirmed or rejected, once (primary key); the database refuses a non-pharmacist (migration 28). */
  decide(
    id: number,
    decision: 'confirmed' | 'rejected',
    by: number,
    at: number,
    reason: string | null = null,
  ): void {
    this.db
      .prepare(
        `INSERT INTO paper_confirmations (paper_id, decision, reason, decided_by, decided_at)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(id, decision, reason, by, at);
  }

  get(id: number): PaperRecord | null {
    const row = this.db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as Row | undefined;
    return row ? (this.withLines([row])[0] ?? null) : null;
  }

  bySerial(institutionCode: string, serialNo: string): PaperRecord | null {
    const row = this.db
      .prepare(`${SELECT} WHERE p.institution_code = ? AND p.serial_no = ?`)
      .get(institutionCode, serialNo) as Row | undefined;
    return row ? (this.withLines([row])[0] ?? null) : null;
  }

  /** Records by id, in the order given. */
  many(ids: readonly number[]): PaperRecord[] {
    if (ids.length === 0) return [];
    const rows = this.db
      .prepare(`${SELECT} WHERE p.id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ids)) as Row[];
    const byId = new Map(this.withLines(rows).map((r) => [r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Handed over with no dispensing behind it: sold by a 门特 claim (a self-pay sale, D40). */
  soldWithoutDispensing(rxno: string): boolean {
    return (
      this.db
        .prepare(
          `SELECT 1 FROM paper_prescriptions p
           WHERE p.institution_code || '-' || p.serial_no = ? AND p.status = 'dispensed'
             AND NOT EXISTS (SELECT 1 FROM dispensings d WHERE d.paper_id = p.id)`,
        )
        .get(rxno) !== undefined
    );
  }

  /** captured → dispensed, once (the retention trigger allows only this change). */
  markDispensed(id: number): boolean {
    assertTransition('paper', 'captured', 'dispensed');
    return (
      this.db
        .prepare(
          "UPDATE paper_prescriptions SET status = 'dispensed' WHERE id = ? AND status = 'captured'",
        )
        .run(id).changes === 1
    );
  }

  image(sm3: string): PaperImage | null {
    const row = this.db
      .prepare('SELECT sm3, mime, size, bytes FROM paper_images WHERE sm3 = ?')
      .get(sm3) as PaperImage | undefined;
    return row ?? null;
  }

  private withLines(rows: Row[]): PaperRecord[] {
    const lines = this.db
      .prepare(
        `SELECT * FROM paper_prescription_lines
         WHERE paper_id IN (SELECT value FROM json_each(?)) ORDER BY paper_id, line_no`,
      )
      .all(JSON.stringify(rows.map((r) => r.id))) as LineRow[];
    const byPaper = new Map<number, PaperLineRecord[]>();
    for (const l of lines) {
      const list = byPaper.get(l.paper_id) ?? [];
      list.push({
        lineNo: l.line_no,
        medListCodg: l.med_list_codg,
        genname: l.genname,
        spec: l.spec,
        unit: l.unit,
        quantity: l.quantity,
        days: l.days,
        dualChannel: l.dual_channel === 1,
      });
      byPaper.set(l.paper_id, list);
    }
    return rows.map((r) => ({
      id: r.id,
      institutionCode: r.institution_code,
      institutionName: r.institution_name,
      serialNo: r.serial_no,
      rxDate: r.rx_date,
      physicianName: r.physician_name,
      patientName: r.patient_name,
      patientCertno: r.patient_certno,
      longRx: r.long_rx === 1,
      imageSm3: r.image_sm3,
      regionId: r.region_id,
      warnings: r.warnings,
      status: r.status,
      capturedBy: r.captured_by,
      createdAt: r.created_at,
      imageMime: r.mime,
      imageSize: r.size,
      confirmation: {
        state: r.decision ?? 'pending',
        by: r.decided_by,
        at: r.decided_at,
        reason: r.reason,
      },
      lines: byPaper.get(r.id) ?? [],
    }));
  }
}
