import type { Db } from '../../../src/store/database';
import { ScanRefusalRepository } from '../../../src/store/scan-refusal-repository';

export interface EDispensing {
  hiRxno: string;
  at: number;
  patientName: string;
  certno: string;
  drCode: string;
  drName: string;
  institutionCode?: string;
  longRx?: boolean;
  lines: Array<{ medListCodg: string; genname: string; packs: number; days: number | null }>;
}

export interface PaperRx {
  at: number;
  institutionCode: string;
  institutionName?: string;
  serialNo: string;
  physicianName: string;
  patientName: string;
  certno: string;
  longRx?: boolean;
  lines: Array<{ medListCodg: string; genname: string; quantity: number; days: number }>;
}

/**
 * Writes risk scenarios straight into the counter's schema (staff 1 = pharmacist, 2 = cashier),
 * the way the real services leave their rows: a stored 7204 reply, a completed dispensing and
 * its lines; an archived paper prescription and its lines; refused scans.
 */
export function riskSeeder(db: Db) {
  db.prepare(
    `INSERT OR IGNORE INTO staff (id, username, display_name, role, pharmacist_code, password_hash, created_at)
     VALUES (1, 'yaoshi', '张敏', 'pharmacist', 'Y1', 'x', 0), (2, 'shouyin', '收银员', 'cashier', NULL, 'x', 0)`,
  ).run();
  db.prepare(
    `INSERT OR IGNORE INTO paper_images (sm3, mime, size, bytes, created_at)
     VALUES (?, 'image/png', 1, x'00', 0)`,
  ).run('0'.repeat(64));
  const rx = db.prepare(
    `INSERT INTO prescriptions (hi_rxno, rx_trace_code, fixmedins_code, fixmedins_name, patient_name,
       certno, prsc_time, status_codg, status_name, epc_token, reply, rx_file, local_valid, local_code,
       local_reason, altered_fields, center_state, center_message, verification, downloaded_by,
       downloaded_at, checked_at)
     VALUES (@hiRxno, 'T', @inst, '渝中区人民医院', @patientName, @certno, '2025-06-01 09:00:00', '1',
       '有效', 'tok', @reply, x'00', 1, 'OK', '', '[]', 'passed', '', 'verified', 1, @at, @at)`,
  );
  const disp = db.prepare(
    `INSERT INTO dispensings (hi_rxno, certno, patient_name, staff_id, state, started_at, completed_at, ended_at)
     VALUES (?, ?, ?, 1, 'completed', ?, ?, ?)`,
  );
  const dline = db.prepare(
    `INSERT INTO dispensing_lines (dispensing_id, line_no, med_list_codg, genname, split_pack,
       units_per_pack, qty_prescribed, qty_unit, packs_prescribed, qty_dispensed, days)
     VALUES (?, ?, ?, ?, 0, NULL, ?, '盒', ?, ?, ?)`,
  );
  const paper = db.prepare(
    `INSERT INTO paper_prescriptions (institution_code, institution_name, serial_no, rx_date,
       physician_name, patient_name, patient_certno, long_rx, signature_confirmed, stamp_confirmed,
       image_sm3, region_id, warnings, status, captured_by, created_at)
     VALUES (?, ?, ?, '2025-06-01', ?, ?, ?, ?, 1, 1, ?, '500000', '[]', 'dispensed', 1, ?)`,
  );
  const pline = db.prepare(
    `INSERT INTO paper_prescription_lines (paper_id, line_no, med_list_codg, genname, spec, unit,
       quantity, days, dual_channel) VALUES (?, ?, ?, ?, '', '盒', ?, ?, 0)`,
  );
  // created on first use, so the seeder also writes a database migrated only up to version 8
  let refusals: ScanRefusalRepository | undefined;

  return {
    dispensing(d: EDispensing): number {
      const reply = JSON.stringify({
        data: { long_rx_flag: d.longRx ? '1' : '0' },
        mdtrtinfo: { dr_code: d.drCode, prsc_dr_name: d.drName, prsc_dept_name: '心内科' },
      });
      rx.run({ ...d, inst: d.institutionCode ?? 'H500103001', reply });
      const id = Number(
        disp.run(d.hiRxno, d.certno, d.patientName, d.at, d.at, d.at).lastInsertRowid,
      );
      d.lines.forEach((l, i) => {
        dline.run(id, i + 1, l.medListCodg, l.genname, l.packs, l.packs, l.packs, l.days);
      });
      return id;
    },
    paper(p: PaperRx): number {
      const id = Number(
        paper.run(
          p.institutionCode,
          p.institutionName ?? `${p.institutionCode}医院`,
          p.serialNo,
          p.physicianName,
          p.patientName,
          p.certno,
          p.longRx ? 1 : 0,
          '0'.repeat(64),
          p.at,
        ).lastInsertRowid,
      );
      p.lines.forEach((l, i) => {
        pline.run(id, i + 1, l.medListCodg, l.genname, l.quantity, l.days);
      });
      return id;
    },
    refusal(code: string, at: number, dispensingId: number, reason = 'ALREADY_SOLD') {
      refusals ??= new ScanRefusalRepository(db);
      refusals.record({
        at,
        channel: 'dispense',
        dispensingId,
        code,
        packKey: code,
        medListCodg: 'XJ01CAA040A001010100435',
        reason,
        ruleId: reason === 'ALREADY_SOLD' ? 'R-TRACE-ONCE' : 'R-NOSWAP',
        staffId: 1,
      });
    },
  };
}
