import type { SettlementState } from '../domain/lifecycle/states';
import { assertTransition } from '../domain/lifecycle/transitions';
import type { Db } from './database';

export interface SettlementRecord {
  id: number;
  dispensingId: number;
  hiRxno: string;
  state: SettlementState;
  msgid: string;
  request: string;
  psnNo: string;
  insutype: string;
  insuplcAdmdvs: string;
  patientName: string;
  certno: string;
  staffId: number;
  medfeeFen: number;
  setlId: string | null;
  mdtrtId: string | null;
  fundFen: number | null;
  acctFen: number | null;
  cashFen: number | null;
  reply: unknown | null;
  warnMsg: string | null;
  refusal: string | null;
  refundReason: string | null;
  refundReply: unknown | null;
  refundedAt: number | null;
  createdAt: number;
  settledAt: number | null;
}

export type NewSettlement = Pick<
  SettlementRecord,
  | 'dispensingId'
  | 'hiRxno'
  | 'msgid'
  | 'request'
  | 'psnNo'
  | 'insutype'
  | 'insuplcAdmdvs'
  | 'patientName'
  | 'certno'
  | 'staffId'
  | 'medfeeFen'
> & {
  /** The pre-settlement supervision check it goes ahead on (R-SUPERVISE, migration 24). */
  supervisionCheckId?: number | null;
  /** The 3102 check made just before the 2102, when the subsystem answered (migration 26). */
  midCheckId?: number | null;
};

export interface SettlementCall {
  id: number;
  settlementId: number;
  infno: '2102' | '2103';
  msgid: string;
  outcome: 'sent' | 'ok' | 'refused' | 'unknown';
  detail: string | null;
  reversalMsgid: string | null;
  reversalResult: string | null;
  createdAt: number;
  resolvedAt: number | null;
}

export interface SettledAmounts {
  setlId: string;
  mdtrtId: string;
  fundFen: number;
  acctFen: number;
  cashFen: number;
  reply: unknown;
  warnMsg: string | null;
}

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
const parsed = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as unknown) : null);

function fromRow(r: Record<string, unknown>): SettlementRecord {
  return {
    id: r.id as number,
    dispensingId: r.dispensing_id as number,
    hiRxno: r.hi_rxno as string,
    state: r.state as SettlementState,
    msgid: r.msgid as string,
    request: r.request as string,
    psnNo: r.psn_no as string,
    insutype: r.insutype as string,
    insuplcAdmdvs: r.insuplc_admdvs as string,
    patientName: r.patient_name as string,
    certno: r.certno as string,
    staffId: r.staff_id as number,
    medfeeFen: r.medfee_fen as number,
    setlId: (r.setl_id as string | null) ?? null,
    mdtrtId: (r.mdtrt_id as string | null) ?? null,
    fundFen: (r.fund_fen as number | null) ?? null,
    acctFen: (r.acct_fen as number | null) ?? null,
    cashFen: (r.cash_fen as number | null) ?? null,
    reply: parsed(r.reply),
    warnMsg: (r.warn_msg as string | null) ?? null,
    refusal: (r.refusal as string | null) ?? null,
    refundReason: (r.refund_reason as string | null) ?? null,
    refundReply: parsed(r.refund_reply),
    refundedAt: (r.refunded_at as number | null) ?? null,
    createdAt: r.created_at as number,
    settledAt: (r.settled_at as number | null) ?? null,
  };
}

function callFromRow(r: Record<string, unknown>): SettlementCall {
  return {
    id: r.id as number,
    settlementId: r.settlement_id as number,
    infno: r.infno as SettlementCall['infno'],
    msgid: r.msgid as string,
    outcome: r.outcome as SettlementCall['outcome'],
    detail: (r.detail as string | null) ?? null,
    reversalMsgid: (r.reversal_msgid as string | null) ?? null,
    reversalResult: (r.reversal_result as string | null) ?? null,
    createdAt: r.created_at as number,
    resolvedAt: (r.resolved_at as number | null) ?? null,
  };
}

/** Settlement attempts (2102), their refunds (2103) and reversals (2601); migration 5. */
export class SettlementRepository {
  constructor(private readonly db: Db) {}

  /** Records a 2102 about to be sent; the unique index refuses a second live one per dispensing. */
  insert(s: NewSettlement, at: number): SettlementRecord {
    const id = this.db
      .prepare(
        `INSERT INTO settlements (dispensing_id, hi_rxno, state, msgid, request, psn_no, insutype,
           insuplc_admdvs, patient_name, certno, staff_id, medfee_fen, supervision_check_id,
           mid_check_id, created_at, updated_at)
         VALUES (@dispensingId, @hiRxno, 'settling', @msgid, @request, @psnNo, @insutype,
           @insuplcAdmdvs, @patientName, @certno, @staffId, @medfeeFen, @supervisionCheckId,
           @midCheckId, @at, @at) RETURNING id`,
      )
      .pluck()
      .get({
        ...s,
        supervisionCheckId: s.supervisionCheckId ?? null,
        midCheckId: s.midCheckId ?? null,
        at,
      }) as number;
    this.addCall(id, '2102', s.msgid, at);
    return this.mustGet(id);
  }

  get(id: number): SettlementRecord | undefined {
    const r = this.db.prepare('SELECT * FROM settlements WHERE id = ?').get(id);
    return r ? fromRow(r as Record<string, unknown>) : undefined;
  }

  mustGet(id: number): SettlementRecord {
    const s = this.get(id);
    if (!s) throw new Error(`settlement ${id} vanished`);
    return s;
  }

  /** The settlement of a dispensing that is, or may be, live; else the latest one. */
  latestForDispensing(dispensingId: number): SettlementRecord | undefined {
    const r = this.db
      .prepare(
        `SELECT * FROM settlements WHERE dispensing_id = ?
         ORDER BY state NOT IN ('refused', 'voided', 'refunded') DESC, id DESC LIMIT 1`,
      )
      .get(dispensingId);
    return r ? fromRow(r as Record<string, unknown>) : undefined;
  }

  liveForDispensing(dispensingId: number): SettlementRecord | undefined {
    const r = this.db
      .prepare(
        `SELECT * FROM settlements WHERE dispensing_id = ?
           AND state NOT IN ('refused', 'voided', 'refunded')`,
      )
      .get(dispensingId);
    return r ? fromRow(r as Record<string, unknown>) : undefined;
  }

  /** Another settlement already holding the center's setl_id or mdtrt_id, if any. */
  holdingCenterIds(
    setlId: string,
    mdtrtId: string,
    exceptId: number,
  ): SettlementRecord | undefined {
    const r = this.db
      .prepare('SELECT * FROM settlements WHERE (setl_id = ? OR mdtrt_id = ?) AND id <> ? LIMIT 1')
      .get(setlId, mdtrtId, exceptId);
    return r ? fromRow(r as Record<string, unknown>) : undefined;
  }

  inState(state: SettlementState): SettlementRecord[] {
    return (
      this.db.prepare('SELECT * FROM settlements WHERE state = ?').all(state) as Array<
        Record<string, unknown>
      >
    ).map(fromRow);
  }

  /** Moves a settlement only from the state the caller saw (false: someone else moved it). */
  setState(id: number, from: SettlementState, to: SettlementState, at: number): boolean {
    assertTransition('settlement', from, to);
    return (
      this.db
        .prepare('UPDATE settlements SET state = ?, updated_at = ? WHERE id = ? AND state = ?')
        .run(to, at, id, from).changes === 1
    );
  }

  settled(id: number, a: SettledAmounts, at: number): void {
    assertTransition('settlement', 'settling', 'settled');
    this.db
      .prepare(
        `UPDATE settlements SET state = 'settled', setl_id = ?, mdtrt_id = ?, fund_fen = ?, acct_fen = ?,
           cash_fen = ?, reply = ?, warn_msg = ?, settled_at = ?, updated_at = ?
         WHERE id = ? AND state = 'settling'`,
      )
      .run(
        a.setlId,
        a.mdtrtId,
        a.fundFen,
        a.acctFen,
        a.cashFen,
        json(a.reply),
        a.warnMsg,
        at,
        at,
        id,
      );
  }

  refused(id: number, reason: string, at: number): void {
    assertTransition('settlement', 'settling', 'refused');
    this.db
      .prepare(
        `UPDATE settlements SET state = 'refused', refusal = ?, updated_at = ?
         WHERE id = ? AND state = 'settling'`,
      )
      .run(reason, at, id);
  }

  startRefund(id: number, reason: string, at: number): boolean {
    assertTransition('settlement', 'settled', 'refunding');
    return (
      this.db
        .prepare(
          `UPDATE settlements SET state = 'refunding', refund_reason = ?, updated_at = ?
           WHERE id = ? AND state = 'settled'`,
        )
        .run(reason, at, id).changes === 1
    );
  }

  refunded(id: number, reply: unknown, at: number): void {
    assertTransition('settlement', 'refunding', 'refunded');
    this.db
      .prepare(
        `UPDATE settlements SET state = 'refunded', refund_reply = ?, refunded_at = ?, updated_at = ?
         WHERE id = ? AND state = 'refunding'`,
      )
      .run(json(reply), at, at, id);
  }

  addCall(settlementId: number, infno: '2102' | '2103', msgid: string, at: number): void {
    this.db
      .prepare(
        `INSERT INTO settlement_calls (settlement_id, infno, msgid, outcome, created_at)
         VALUES (?, ?, ?, 'sent', ?)`,
      )
      .run(settlementId, infno, msgid, at);
  }

  resolveCall(
    msgid: string,
    outcome: 'ok' | 'refused' | 'unknown',
    detail: string | null,
    at: number,
  ): void {
    this.db
      .prepare(
        `UPDATE settlement_calls SET outcome = ?, detail = ?, resolved_at = ?
         WHERE msgid = ? AND outcome = 'sent'`,
      )
      .run(outcome, detail, outcome === 'unknown' ? null : at, msgid);
  }

  setReversal(msgid: string, reversalMsgid: string): void {
    this.db
      .prepare('UPDATE settlement_calls SET reversal_msgid = ? WHERE msgid = ?')
      .run(reversalMsgid, msgid);
  }

  reversalAnswered(reversalMsgid: string, result: string, at: number): SettlementCall | undefined {
    const r = this.db
      .prepare(
        `UPDATE settlement_calls SET reversal_result = ?, resolved_at = ?
         WHERE reversal_msgid = ? AND reversal_result IS NULL RETURNING *`,
      )
      .get(result, at, reversalMsgid);
    return r ? callFromRow(r as Record<string, unknown>) : undefined;
  }

  calls(settlementId: number): SettlementCall[] {
    return (
      this.db
        .prepare('SELECT * FROM settlement_calls WHERE settlement_id = ? ORDER BY id')
        .all(settlementId) as Array<Record<string, unknown>>
    ).map(callFromRow);
  }

  callByMsgid(msgid: string): SettlementCall | undefined {
    const r = this.db.prepare('SELECT * FROM settlement_calls WHERE msgid = ?').get(msgid);
    return r ? callFromRow(r as Record<string, unknown>) : undefined;
  }

  callByReversal(reversalMsgid: string): SettlementCall | undefined {
    const r = this.db
      .prepare('SELECT * FROM settlement_calls WHERE reversal_msgid = ?')
      .get(reversalMsgid);
    return r ? callFromRow(r as Record<string, unknown>) : undefined;
  }
}
