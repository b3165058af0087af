import { parseDateTime } from '../../center/clock';
import { pickSignedFields, type SignedFields } from '../../center/rx/rx-file';
import { RX_STATUS, type RxStatusKey } from '../../center/rx/rx-status';
import type { SandboxDb } from '../db';
import { buildRxView, type RxView, validEndTime } from './rx-view';

/** A row of epc_prescriptions (see db.ts migrations 1 and 2). */
export interface RxRow {
  hi_rxno: string;
  rx_trace_code: string;
  fixmedins_code: string;
  hosp_rxno: string;
  psn_no: string | null;
  patn_name: string;
  psn_cert_type: string;
  certno: string;
  mdtrt_id: string;
  rx_stas_codg: string;
  upload_chk: string;
  created_at: number;
  updated_at: number;
  original_value: string | null;
  rx_file: Buffer | null;
  sign_digest: string | null;
  sign_cert_sn: string | null;
  signed_at: number | null;
  upld_time: number | null;
  undo_info: string | null;
  undo_time: number | null;
}

export function findRx(db: SandboxDb, hiRxno: string): RxRow | null {
  return (
    (db.prepare('SELECT * FROM epc_prescriptions WHERE hi_rxno = ?').get(hiRxno) as
      | RxRow
      | undefined) ?? null
  );
}

export function findRxByTraceCode(db: SandboxDb, rxTraceCode: string): RxRow | null {
  return (
    (db.prepare('SELECT * FROM epc_prescriptions WHERE rx_trace_code = ?').get(rxTraceCode) as
      | RxRow
      | undefined) ?? null
  );
}

export function uploadOf(row: RxRow): Record<string, unknown> {
  return JSON.parse(row.upload_chk) as Record<string, unknown>;
}

/** The 20 signed fields as the hospital signed them (after rxFixmedinsSign). */
export function signedFieldsOf(row: RxRow): SignedFields {
  const decoded = row.original_value
    ? (JSON.parse(Buffer.from(row.original_value, 'base64').toString('utf8')) as Record<
        string,
        unknown
      >)
    : {};
  return pickSignedFields(decoded);
}

export function rxViewOf(db: SandboxDb, row: RxRow): RxView {
  const patient = row.psn_no
    ? (db.prepare('SELECT insuplc_admdvs FROM patients WHERE psn_no = ?').get(row.psn_no) as
        | { insuplc_admdvs: string }
        | undefined)
    : undefined;
  const signed = signedFieldsOf(row);
  return buildRxView(uploadOf(row), signed, {
    ...(patient ? { insuplcAdmdvs: patient.insuplc_admdvs } : {}),
    dualChannel: dualChannelFacts(db, signed.fixmedinsCode, signed.drCode),
  });
}

/** What the agency's registers say of the prescriber for dual-channel drugs (R-DUAL-FIX). */
function dualChannelFacts(db: SandboxDb, fixmedinsCode: string, drCode: string) {
  const inst = db
    .prepare('SELECT hosp_lv, spec_name FROM institutions WHERE fixmedins_code = ?')
    .get(fixmedinsCode) as { hosp_lv: string; spec_name: string } | undefined;
  const responsible =
    db
      .prepare('SELECT 1 FROM dual_resp_doctors WHERE fixmedins_code = ? AND dr_code = ?')
      .get(fixmedinsCode, drCode) !== undefined;
  return {
    hospLv: inst?.hosp_lv ?? '',
    specName: inst?.spec_name ?? '',
    responsible,
  };
}

/**
 * The status the center answers (R-STATUS): the stored one, except that a valid prescription
 * past its valid_end_time is 已失效.
 */
export function effectiveStatus(row: RxRow, now: Date): { codg: string; name: string } {
  if (row.rx_stas_codg === RX_STATUS.valid.codg) {
    const end = parseDateTime(validEndTime(uploadOf(row)));
    if (end && now.getTime() > end.getTime()) return RX_STATUS.expired;
  }
  const known = Object.values(RX_STATUS).find((s) => s.codg === row.rx_stas_codg);
  return known ?? { codg: row.rx_stas_codg, name: row.rx_stas_codg };
}

/** Used statuses: the prescription can no longer be revoked (rxUndo). */
export const USED_STATUSES: readonly string[] = [
  RX_STATUS.reviewed.codg,
  RX_STATUS.settled.codg,
  RX_STATUS.dispensed.codg,
];

/** Moves a prescription to a status (7206/2102/7207 and their reversals use this). */
export function setRxStatus(db: SandboxDb, hiRxno: string, status: RxStatusKey, now: Date): void {
  db.prepare('UPDATE epc_prescriptions SET rx_stas_codg = ?, updated_at = ? WHERE hi_rxno = ?').run(
    RX_STATUS[status].codg,
    now.getTime(),
    hiRxno,
  );
}
