import { dateTime } from '../../center/clock';
import type { SandboxDb } from '../db';
import { Refusal } from '../refusal';
import { SETTLEMENT_CODES } from './codes';
import { moveRx } from './rx-link';
import { debitAccount, liveSettlementOfRx, type SettlementRow, setSettlementState } from './store';

const STAS = SETTLEMENT_CODES.setlStas;

/**
 * Takes a live settlement's effect back (2103 reversal or 2601 of the 2102): the account is
 * credited, the year's usage no longer counts it, the prescription leaves 已结算. Returns the
 * balance after.
 */
export function undoSettlement(
  db: SandboxDb,
  row: SettlementRow,
  how: 'reversed' | 'voided',
  msgid: string,
  now: Date,
): number {
  if (row.stas !== STAS.settled) throw new Refusal('该结算不是正常状态，不能撤销');
  const balance = debitAccount(db, row.psn_no, row.insutype, -row.acct_fen);
  setSettlementState(db, row.setl_id, STAS[how], msgid, dateTime(now));
  if (row.hi_rxno && row.rx_form === 'electronic') moveRx(db, row.hi_rxno, 'unsettle', now);
  return balance;
}

/** 2601 of a 2103: the settlement is live again, as if the reversal had never happened. */
export function redoSettlement(db: SandboxDb, row: SettlementRow, now: Date): number {
  if (row.hi_rxno) {
    const other = liveSettlementOfRx(db, row.hi_rxno);
    if (other) {
      throw new Refusal(`处方已重新结算（结算ID ${other.setl_id}），不能冲正原结算撤销`);
    }
  }
  let balance: number;
  try {
    balance = debitAccount(db, row.psn_no, row.insutype, row.acct_fen);
  } catch {
    throw new Refusal('个人账户余额已不足原结算的账户支付金额，不能冲正结算撤销');
  }
  setSettlementState(db, row.setl_id, STAS.settled, null, null);
  if (row.hi_rxno && row.rx_form === 'electronic') moveRx(db, row.hi_rxno, 'settle', now);
  return balance;
}
