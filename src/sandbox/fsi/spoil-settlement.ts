import type { SandboxDb } from '../db';
import { type FaultKind, SETTLE_SPOIL_KINDS, type SettleSpoilKind } from '../faults';
import { SETTLEMENT_CODES } from '../settlement/codes';

export function isSettleSpoilKind(kind: FaultKind): kind is SettleSpoilKind {
  return (SETTLE_SPOIL_KINDS as readonly string[]).includes(kind);
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** 2101/2102 name the cash part psn_cash_pay, 2103 cash_payamt. */
const cashKey = (info: Json) => ('cash_payamt' in info ? 'cash_payamt' : 'psn_cash_pay');

/**
 * Spoils a 2101/2102/2103 reply after the center processed the request (its effect stands,
 * only the answer lies), so the pharmacy's reply checks must notice. Other replies, and
 * refusals, pass unchanged.
 */
export function spoilSettlementReply(body: string, kind: SettleSpoilKind, db: SandboxDb): string {
  const reply = JSON.parse(body) as Json;
  const info = isObject(reply.output) ? reply.output.setlinfo : undefined;
  if (!isObject(info)) return body;
  switch (kind) {
    case 'settle-negative-cash':
      info[cashKey(info)] = -50;
      break;
    case 'settle-nonnumeric':
      info[cashKey(info)] = '五十元';
      break;
    case 'settle-wrong-total':
      info.medfee_sumamt = Number(info.medfee_sumamt) + 1;
      info.fund_pay_sumamt = Number(info.fund_pay_sumamt) + 1;
      break;
    case 'settle-foreign-psn': {
      const other = db
        .prepare(
          'SELECT psn_no, psn_name, certno FROM patients WHERE psn_no <> ? ORDER BY psn_no LIMIT 1',
        )
        .get(String(info.psn_no ?? '')) as Json | undefined;
      if (other) Object.assign(info, other);
      break;
    }
    case 'settle-foreign-mdtrt':
    case 'settle-reused-setl-id': {
      const column = kind === 'settle-foreign-mdtrt' ? 'mdtrt_id' : 'setl_id';
      // The latest standing settlement of another sale: one the counter knows as settled.
      const other = db
        .prepare(
          `SELECT ${column} FROM settlements WHERE ${column} <> ? AND stas = ?
           ORDER BY created_at DESC, rowid DESC LIMIT 1`,
        )
        .pluck()
        .get(String(info[column] ?? ''), SETTLEMENT_CODES.setlStas.settled) as string | undefined;
      if (other) info[column] = other;
      break;
    }
  }
  return JSON.stringify(reply);
}
