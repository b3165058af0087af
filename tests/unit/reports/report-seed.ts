import { parseDateTime } from '../../../src/center/clock';
import { type Db, openDatabase } from '../../../src/store/database';

/** Epoch ms of a Beijing (counter-local) time "yyyy-MM-dd HH:mm:ss". */
export function at(text: string): number {
  const d = parseDateTime(text);
  if (!d) throw new Error(`bad time ${text}`);
  return d.getTime();
}

export function seedDb(): Db {
  const db = openDatabase(':memory:');
  db.prepare(
    `INSERT INTO staff (id, username, display_name, role, pharmacist_code, password_hash, created_at)
     VALUES (1, 'yaoshi', '药师', 'pharmacist', 'Y1', 'x', 0)`,
  ).run();
  return db;
}

export interface SeedLine {
  code: string;
  /** Packs dispensed (whole packs), or units for a 拆零 line. */
  qty: number;
  /** Unit price in fen as billed (per pack, or per unit for 拆零). */
  priceFen: number;
  /** 拆零: units per pack; packs taken from stock = `packsTaken`. */
  unitsPerPack?: number;
  packsTaken?: number;
}

export interface SeedSale {
  settledAt: number;
  lines: SeedLine[];
  fundFen: number;
  acctFen: number;
  /** Omit for an unsettled (completed, never settled) dispensing. */
  settled?: boolean;
  refundedAt?: number;
  /** Completed time of the dispensing (defaults to 10 minutes before settling). */
  completedAt?: number;
  deliveryFeeFen?: number;
}

let seq = 0;

function batchFor(db: Db, code: string): number {
  const found = db.prepare('SELECT id FROM stock_batches WHERE med_list_codg = ?').get(code) as
    | { id: number }
    | undefined;
  if (found) return found.id;
  return Number(
    db
      .prepare(
        `INSERT INTO stock_batches (med_list_codg, batch_no, expiry, packs_received, packs_on_hand,
          received_by, received_at) VALUES (?, 'B1', '2099-12-31', 100000, 0, 1, 0)`,
      )
      .run(code).lastInsertRowid,
  );
}

/** Packs on hand of a drug (one batch per drug; R-CATALOG seeds). */
export function setOnHand(db: Db, code: string, packs: number): void {
  const id = batchFor(db, code);
  db.prepare('UPDATE stock_batches SET packs_on_hand = ? WHERE id = ?').run(packs, id);
}

/** A downloaded, verified e-prescription (what a dispensing references); returns its hi_rxno. */
export function addPrescription(db: Db): string {
  seq += 1;
  const rxno = `RX${String(seq).padStart(8, '0')}`;
  db.prepare(
    `INSERT INTO prescriptions (hi_rxno, rx_trace_code, fixmedins_code, fixmedins_name, patient_name,
      certno, prsc_time, status_codg, status_name, epc_token, reply, rx_file, local_valid, local_code,
      local_reason, cert_info, altered_fields, center_state, center_message, verification,
      downloaded_by, downloaded_at, checked_at)
     VALUES (?, 'T', 'H1', '医院', '患者', '500103199001011234', '2025-01-01 08:00:00', '1', '有效',
      'tok', '{}', x'00', 1, '0', '', NULL, '[]', 'passed', '', 'verified', 1, 0, 0)`,
  ).run(rxno);
  return rxno;
}

/**
 * A completed dispensing of an e-prescription through the real tables, and (unless
 * settled: false) its 2102 with the request shaped as the wire carries it, then settled.
 */
export function addSale(
  db: Db,
  s: SeedSale,
): { dispensingId: number; settlementId: number | null } {
  const rxno = addPrescription(db);
  const completedAt = s.completedAt ?? s.settledAt - 600_000;
  const returned = s.refundedAt !== undefined;
  const dispensingId = Number(
    db
      .prepare(
        `INSERT INTO dispensings (hi_rxno, certno, patient_name, staff_id, state, started_at,
          completed_at, ended_at) VALUES (?, '500103199001011234', '患者', 1, ?, ?, ?, ?)`,
      )
      .run(
        rxno,
        returned ? 'returned' : 'completed',
        completedAt - 60_000,
        completedAt,
        completedAt,
      ).lastInsertRowid,
  );
  const detail: Array<Record<string, unknown>> = [];
  s.lines.forEach((l, i) => {
    const lineNo = i + 1;
    db.prepare(
      `INSERT INTO dispensing_lines (dispensing_id, line_no, med_list_codg, genname, split_pack,
        units_per_pack, qty_prescribed, qty_unit, packs_prescribed, qty_dispensed, days)
       VALUES (?, ?, ?, ?, ?, ?, ?, '盒', ?, ?, 7)`,
    ).run(
      dispensingId,
      lineNo,
      l.code,
      `药品${l.code.slice(-4)}`,
      l.unitsPerPack ? 1 : 0,
      l.unitsPerPack ?? null,
      l.qty,
      l.packsTaken ?? l.qty,
      l.qty,
    );
    db.prepare(
      'INSERT INTO dispensing_allocations (dispensing_id, line_no, batch_id, packs) VALUES (?, ?, ?, ?)',
    ).run(dispensingId, lineNo, batchFor(db, l.code), l.packsTaken ?? l.qty);
    detail.push({
      feedetl_sn: `${dispensingId}-${lineNo}`,
      rxno,
      rx_circ_flag: '1',
      med_list_codg: l.code,
      medins_list_codg: l.code,
      det_item_fee_sumamt: (l.qty * l.priceFen) / 100,
      cnt: l.qty,
      pric: l.priceFen / 100,
    });
  });
  if (s.deliveryFeeFen) {
    detail.push({
      feedetl_sn: `${dispensingId}-D`,
      med_list_codg: 'DELIVERY',
      det_item_fee_sumamt: s.deliveryFeeFen / 100,
      cnt: 1,
      pric: s.deliveryFeeFen / 100,
    });
  }
  if (s.settled === false) return { dispensingId, settlementId: null };
  const medfee = s.lines.reduce((sum, l) => sum + l.qty * l.priceFen, 0) + (s.deliveryFeeFen ?? 0);
  const request = {
    infno: '2102',
    msgid: `M${rxno}`,
    input: { druginfo: { rxno, medfee_sumamt: medfee / 100 }, drugdetail: detail },
  };
  const settlementId = Number(
    db
      .prepare(
        `INSERT INTO settlements (dispensing_id, hi_rxno, state, msgid, request, psn_no, insutype,
          insuplc_admdvs, patient_name, certno, staff_id, medfee_fen, created_at, updated_at)
         VALUES (?, ?, 'settling', ?, ?, 'P1', '310', '500103', '患者', '500103199001011234', 1, ?, ?, ?)`,
      )
      .run(
        dispensingId,
        rxno,
        request.msgid,
        JSON.stringify(request),
        medfee,
        s.settledAt,
        s.settledAt,
      ).lastInsertRowid,
  );
  const cash = medfee - s.fundFen - s.acctFen;
  db.prepare(
    `UPDATE settlements SET state = ?, setl_id = ?, mdtrt_id = ?, fund_fen = ?, acct_fen = ?,
       cash_fen = ?, settled_at = ?, refunded_at = ? WHERE id = ?`,
  ).run(
    returned ? 'refunded' : 'settled',
    `S${rxno}`,
    `D${rxno}`,
    s.fundFen,
    s.acctFen,
    cash,
    s.settledAt,
    s.refundedAt ?? null,
    settlementId,
  );
  return { dispensingId, settlementId };
}

export function addSelfPay(db: Db, soldAt: number, totalFen: number): void {
  db.prepare('INSERT INTO self_pay_sales (staff_id, total_fen, sold_at) VALUES (1, ?, ?)').run(
    totalFen,
    soldAt,
  );
}

export interface SeedOutbox {
  infno: string;
  status: 'pending' | 'in_flight' | 'delivered' | 'parked';
  createdAt: number;
  deliveredAt?: number;
  updatedAt?: number;
}

export function addOutbox(db: Db, o: SeedOutbox): void {
  seq += 1;
  db.prepare(
    `INSERT INTO outbox (msgid, channel, infno, body, status, next_attempt_at, created_at,
      updated_at, delivered_at) VALUES (?, 'fsi', ?, '{}', ?, 0, ?, ?, ?)`,
  ).run(
    `OB${seq}`,
    o.infno,
    o.status,
    o.createdAt,
    o.updatedAt ?? o.deliveredAt ?? o.createdAt,
    o.deliveredAt ?? null,
  );
}
