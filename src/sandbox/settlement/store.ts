import { compactTime } from '../../center/clock';
import type { SandboxConfig } from '../config';
import { nextCounter, type SandboxDb } from '../db';
import { Refusal } from '../refusal';
import { SETTLEMENT_CODES } from './codes';
import type { YearUsage } from './compute';

export interface SettlementRow {
  setl_id: string;
  mdtrt_id: string;
  msgid: string;
  fixmedins_code: string;
  psn_no: string;
  insutype: string;
  poolarea: string;
  setl_year: string;
  setl_date: string;
  setl_time: string;
  hi_rxno: string | null;
  /** 'paper' for a paper outside prescription (x_rx_form): no e-prescription status moves. */
  rx_form: 'electronic' | 'paper';
  medfee_fen: number;
  fund_fen: number;
  psn_part_fen: number;
  acct_fen: number;
  cash_fen: number;
  dedc_fen: number;
  hifp_fen: number;
  output: string;
  stas: string;
  rvs_msgid: string | null;
  rvs_time: string | null;
  created_at: number;
}

const STAS = SETTLEMENT_CODES.setlStas;

/** A 30-character center serial: center division + yyyyMMddHHmmss + 10-digit counter. */
export function centerSerial(db: SandboxDb, config: SandboxConfig, name: string, now: Date) {
  return `${config.fsi.centerAdmdvs}${compactTime(now)}${String(nextCounter(db, name)).padStart(10, '0')}`;
}

export function yearUsage(db: SandboxDb, psnNo: string, insutype: string, year: string): YearUsage {
  return db
    .prepare(
      `SELECT COALESCE(SUM(dedc_fen), 0) AS dedcFen, COALESCE(SUM(hifp_fen), 0) AS hifpFen
       FROM settlements WHERE psn_no = ? AND insutype = ? AND setl_year = ? AND stas = ?`,
    )
    .get(psnNo, insutype, year, STAS.settled) as YearUsage;
}

export function insertSettlement(db: SandboxDb, row: SettlementRow): void {
  const cols = Object.keys(row);
  db.prepare(
    `INSERT INTO settlements (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`,
  ).run(row);
}

export function findSettlement(db: SandboxDb, setlId: string): SettlementRow | null {
  return (
    (db.prepare('SELECT * FROM settlements WHERE setl_id = ?').get(setlId) as
      | SettlementRow
      | undefined) ?? null
  );
}

export function settlementByMsgid(db: SandboxDb, msgid: string): SettlementRow | null {
  return (
    (db.prepare('SELECT * FROM settlements WHERE msgid = ?').get(msgid) as
      | SettlementRow
      | undefined) ?? null
  );
}

export function settlementReversedBy(db: SandboxDb, msgid: string): SettlementRow | null {
  return (
    (db.prepare('SELECT * FROM settlements WHERE rvs_msgid = ?').get(msgid) as
      | SettlementRow
      | undefined) ?? null
  );
}

export function liveSettlementOfRx(db: SandboxDb, hiRxno: string): SettlementRow | null {
  return (
    (db
      .prepare('SELECT * FROM settlements WHERE hi_rxno = ? AND stas = ?')
      .get(hiRxno, STAS.settled) as SettlementRow | undefined) ?? null
  );
}

/** Moves money out of (positive) or back into (negative) the personal account, never below 0. */
export function debitAccount(db: SandboxDb, psnNo: string, insutype: string, fen: number): number {
  const changed = db
    .prepare(
      `UPDATE patient_insurances SET balc_fen = balc_fen - @fen
       WHERE psn_no = @psnNo AND insutype = @insutype AND balc_fen - @fen >= 0`,
    )
    .run({ fen, psnNo, insutype }).changes;
  if (changed !== 1) throw new Refusal('个人账户余额不足');
  return (
    db
      .prepare('SELECT balc_fen FROM patient_insurances WHERE psn_no = ? AND insutype = ?')
      .get(psnNo, insutype) as { balc_fen: number }
  ).balc_fen;
}

export function setSettlementState(
  db: SandboxDb,
  setlId: string,
  stas: string,
  rvsMsgid: string | null,
  rvsTime: string | null,
): void {
  db.prepare('UPDATE settlements SET stas = ?, rvs_msgid = ?, rvs_time = ? WHERE setl_id = ?').run(
    stas,
    rvsMsgid,
    rvsTime,
    setlId,
  );
}
