import type { RxProgress } from '../domain/lifecycle/rx-live-state';
import type { DispensingState, SettlementState } from '../domain/lifecycle/states';
import type { Db } from './database';

/** What the counter stores for a downloaded prescription (see migration 2). */
export interface StoredPrescription {
  hiRxno: string;
  rxTraceCode: string;
  fixmedinsCode: string;
  fixmedinsName: string;
  patientName: string;
  certno: string;
  prscTime: string;
  statusCodg: string;
  statusName: string;
  epcToken: string;
  /** The 7204 reply without `rx_file`. */
  reply: unknown;
  rxFile: Buffer;
  localValid: boolean;
  localCode: string;
  localReason: string;
  certInfo: unknown | null;
  alteredFields: string[];
  centerState: 'passed' | 'failed' | 'unreachable';
  centerMessage: string;
  rxSignVerifySn: string | null;
  verification: 'verified' | 'failed';
  downloadedBy: number;
  downloadedAt: number;
  checkedAt: number;
}

interface Row {
  hi_rxno: string;
  rx_trace_code: string;
  fixmedins_code: string;
  fixmedins_name: string;
  patient_name: string;
  certno: string;
  prsc_time: string;
  status_codg: string;
  status_name: string;
  epc_token: string;
  reply: string;
  rx_file: Buffer;
  local_valid: number;
  local_code: string;
  local_reason: string;
  cert_info: string | null;
  altered_fields: string;
  center_state: StoredPrescription['centerState'];
  center_message: string;
  rx_sign_verify_sn: string | null;
  verification: StoredPrescription['verification'];
  downloaded_by: number;
  downloaded_at: number;
  checked_at: number;
}

/** What a re-check or re-download of an archived prescription may change (migration 21). */
export type PrescriptionCheck = Pick<
  StoredPrescription,
  | 'statusCodg'
  | 'statusName'
  | 'epcToken'
  | 'localValid'
  | 'localCode'
  | 'localReason'
  | 'certInfo'
  | 'alteredFields'
  | 'centerState'
  | 'centerMessage'
  | 'rxSignVerifySn'
  | 'verification'
  | 'checkedAt'
>;

export type PrescriptionSummary = Pick<
  StoredPrescription,
  | 'hiRxno'
  | 'fixmedinsName'
  | 'patientName'
  | 'prscTime'
  | 'statusName'
  | 'verification'
  | 'downloadedAt'
>;

export class PrescriptionRepository {
  constructor(private readonly db: Db) {}

  /**
   * Archives a downloaded prescription. An archived one is never overwritten (R-KEEP, migration
   * 19): a second download of the same number records only its check (`recordCheck`).
   */
  archive(p: StoredPrescription): void {
    this.db
      .prepare(
        `INSERT INTO prescriptions (hi_rxno, rx_trace_code, fixmedins_code, fixmedins_name, patient_name,
           certno, prsc_time, status_codg, status_name, epc_token, reply, rx_file, local_valid, local_code,
           local_reason, cert_info, altered_fields, center_state, center_message, rx_sign_verify_sn,
           verification, downloaded_by, downloaded_at, checked_at)
         VALUES (@hi_rxno, @rx_trace_code, @fixmedins_code, @fixmedins_name, @patient_name, @certno,
           @prsc_time, @status_codg, @status_name, @epc_token, @reply, @rx_file, @local_valid, @local_code,
           @local_reason, @cert_info, @altered_fields, @center_state, @center_message, @rx_sign_verify_sn,
           @verification, @downloaded_by, @downloaded_at, @checked_at)`,
      )
      .run(toRow(p));
  }

  /** Records a re-check or re-download of an archived prescription: all it may change. */
  recordCheck(hiRxno: string, c: PrescriptionCheck): void {
    this.db
      .prepare(
        `UPDATE prescriptions SET status_codg = @status_codg, status_name = @status_name,
           epc_token = @epc_token, local_valid = @local_valid, local_code = @local_code,
           local_reason = @local_reason, cert_info = @cert_info, altered_fields = @altered_fields,
           center_state = @center_state, center_message = @center_message,
           rx_sign_verify_sn = @rx_sign_verify_sn, verification = @verification,
           checked_at = @checked_at
         WHERE hi_rxno = @hi_rxno`,
      )
      .run({
        hi_rxno: hiRxno,
        status_codg: c.statusCodg,
        status_name: c.statusName,
        epc_token: c.epcToken,
        local_valid: c.localValid ? 1 : 0,
        local_code: c.localCode,
        local_reason: c.localReason,
        cert_info: c.certInfo === null ? null : JSON.stringify(c.certInfo),
        altered_fields: JSON.stringify(c.alteredFields),
        center_state: c.centerState,
        center_message: c.centerMessage,
        rx_sign_verify_sn: c.rxSignVerifySn,
        verification: c.verification,
        checked_at: c.checkedAt,
      });
  }

  get(hiRxno: string): StoredPrescription | undefined {
    const row = this.db.prepare('SELECT * FROM prescriptions WHERE hi_rxno = ?').get(hiRxno) as
      | Row
      | undefined;
    return row ? fromRow(row) : undefined;
  }

  /**
   * The rowids the stored prescriptions span, so re-verification threads can each read a range
   * (archived prescriptions are never deleted, R-KEEP, so the span is dense).
   */
  rowidSpan(): { first: number; last: number } | null {
    const r = this.db
      .prepare('SELECT min(rowid) AS first, max(rowid) AS last FROM prescriptions')
      .get() as { first: number | null; last: number | null };
    return r.first === null || r.last === null ? null : { first: r.first, last: r.last };
  }

  /** The stored prescriptions whose rowid is in [first, last]. */
  inRowidRange(first: number, last: number): StoredPrescription[] {
    const rows = this.db
      .prepare('SELECT * FROM prescriptions WHERE rowid BETWEEN ? AND ? ORDER BY rowid')
      .all(first, last) as Row[];
    return rows.map(fromRow);
  }

  has(hiRxno: string): boolean {
    return (
      this.db.prepare('SELECT 1 FROM prescriptions WHERE hi_rxno = ?').get(hiRxno) !== undefined
    );
  }

  /**
   * What this counter has done with a prescription: the standing review, the live dispensing
   * (else the latest), and that dispensing's standing settlement (else its latest).
   */
  progress(hiRxno: string): Omit<RxProgress, 'reviewable'> {
    const row = this.db
      .prepare(
        `SELECT
           (SELECT result FROM rx_reviews WHERE hi_rxno = $rx AND superseded_at IS NULL) AS review,
           d.state AS dispensing,
           (SELECT s.state FROM settlements s WHERE s.dispensing_id = d.id
             ORDER BY s.state NOT IN ('refused', 'voided', 'refunded') DESC, s.id DESC LIMIT 1)
             AS settlement,
           EXISTS (SELECT 1 FROM rx_self_pay_sales WHERE hi_rxno = $rx AND refunded_at IS NULL)
             AS selfPaid,
           EXISTS (SELECT 1 FROM stay_handovers h WHERE h.dispensing_id = d.id
             AND h.state = 'handed_over') AS with_stay
         FROM (SELECT 1) LEFT JOIN (SELECT id, state FROM dispensings WHERE hi_rxno = $rx
           ORDER BY state IN ('open', 'completed') DESC, id DESC LIMIT 1) d`,
      )
      .get({ rx: hiRxno }) as {
      review: RxProgress['review'];
      dispensing: DispensingState | null;
      settlement: SettlementState | null;
      selfPaid: number;
      with_stay: number;
    };
    return {
      review: row.review,
      dispensing: row.dispensing,
      settlement: row.settlement,
      selfPaid: row.selfPaid === 1,
      withStay: row.with_stay === 1,
    };
  }

  recent(limit = 50): PrescriptionSummary[] {
    const rows = this.db
      .prepare(
        `SELECT hi_rxno, fixmedins_name, patient_name, prsc_time, status_name, verification, downloaded_at
         FROM prescriptions ORDER BY downloaded_at DESC LIMIT ?`,
      )
      .all(limit) as Row[];
    return rows.map((r) => ({
      hiRxno: r.hi_rxno,
      fixmedinsName: r.fixmedins_name,
      patientName: r.patient_name,
      prscTime: r.prsc_time,
      statusName: r.status_name,
      verification: r.verification,
      downloadedAt: r.downloaded_at,
    }));
  }
}

function toRow(p: StoredPrescription): Row {
  return {
    hi_rxno: p.hiRxno,
    rx_trace_code: p.rxTraceCode,
    fixmedins_code: p.fixmedinsCode,
    fixmedins_name: p.fixmedinsName,
    patient_name: p.patientName,
    certno: p.certno,
    prsc_time: p.prscTime,
    status_codg: p.statusCodg,
    status_name: p.statusName,
    epc_token: p.epcToken,
    reply: JSON.stringify(p.reply),
    rx_file: p.rxFile,
    local_valid: p.localValid ? 1 : 0,
    local_code: p.localCode,
    local_reason: p.localReason,
    cert_info: p.certInfo === null ? null : JSON.stringify(p.certInfo),
    altered_fields: JSON.stringify(p.alteredFields),
    center_state: p.centerState,
    center_message: p.centerMessage,
    rx_sign_verify_sn: p.rxSignVerifySn,
    verification: p.verification,
    downloaded_by: p.downloadedBy,
    downloaded_at: p.downloadedAt,
    checked_at: p.checkedAt,
  };
}

function fromRow(r: Row): StoredPrescription {
  return {
    hiRxno: r.hi_rxno,
    rxTraceCode: r.rx_trace_code,
    fixmedinsCode: r.fixmedins_code,
    fixmedinsName: r.fixmedins_name,
    patientName: r.patient_name,
    certno: r.certno,
    prscTime: r.prsc_time,
    statusCodg: r.status_codg,
    statusName: r.status_name,
    epcToken: r.epc_token,
    reply: JSON.parse(r.reply) as unknown,
    rxFile: r.rx_file,
    localValid: r.local_valid === 1,
    localCode: r.local_code,
    localReason: r.local_reason,
    certInfo: r.cert_info === null ? null : (JSON.parse(r.cert_info) as unknown),
    alteredFields: JSON.parse(r.altered_fields) as string[],
    centerState: r.center_state,
    centerMessage: r.center_message,
    rxSignVerifySn: r.rx_sign_verify_sn,
    verification: r.verification,
    downloadedBy: r.downloaded_by,
    downloadedAt: r.downloaded_at,
    checkedAt: r.checked_at,
  };
}
