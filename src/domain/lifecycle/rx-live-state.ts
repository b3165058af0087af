import { SETTLEMENT_STATE_LABELS, STAY_HANDOVER_STATE_LABELS } from './state-labels';
import type { DispensingState, SettlementState } from './states';

/** What this counter has done with a prescription so far, as its own records say. */
export interface RxProgress {
  /** Whether the prescription may be reviewed (verified, nothing blocking). */
  reviewable: boolean;
  /** The review that stands (not superseded); null when none. */
  review: 'pass' | 'reject' | null;
  /** The latest dispensing of the prescription; null when none. */
  dispensing: DispensingState | null;
  /** That dispensing's settlement that stands or may stand, else its latest; null when none. */
  settlement: SettlementState | null;
  /** A standing 自费结算 of the prescription (D45: insurance not in force, consent recorded). */
  selfPaid: boolean;
  /** That dispensing is handed to the hospital's inpatient settlement (R-MT-SETTLE, D47). */
  withStay?: boolean;
}

export type RxNextAction = 'review' | 'dispense' | 'settle';

export type RxLiveCode =
  | 'blocked'
  | 'to_review'
  | 'rejected'
  | 'to_dispense'
  | 'dispensing'
  | 'to_settle'
  | 'with_stay'
  | 'settling'
  | 'settled'
  | 'self_paid'
  | 'refunding'
  | 'refunded'
  | 'returned';

export interface RxLiveState {
  code: RxLiveCode;
  /** The one Chinese status shown for the prescription everywhere. */
  label: string;
  /** ok: work to do; busy: waiting for the center; done: nothing left; block: cannot proceed. */
  tone: 'ok' | 'busy' | 'done' | 'block';
  /** The next valid step and its key; null when nothing is left to do at the counter. */
  next: { action: RxNextAction; label: string; key: string } | null;
}

const NEXT: Record<RxNextAction, NonNullable<RxLiveState['next']>> = {
  review: { action: 'review', label: '审方', key: 'F6' },
  dispense: { action: 'dispense', label: '调剂发药', key: 'F7' },
  settle: { action: 'settle', label: '结算收款', key: 'F5' },
};

function state(
  code: RxLiveCode,
  label: string,
  tone: RxLiveState['tone'],
  next: RxNextAction | null = null,
): RxLiveState {
  return { code, label, tone, next: next ? NEXT[next] : null };
}

/** A settlement that stands or is still in the center's hands decides the status. */
function fromSettlement(s: SettlementState): RxLiveState | null {
  switch (s) {
    case 'settling':
    case 'outcome_unknown':
      return state('settling', SETTLEMENT_STATE_LABELS[s], 'busy');
    case 'settled':
      return state('settled', SETTLEMENT_STATE_LABELS.settled, 'done');
    case 'refunding':
    case 'refund_unknown':
      return state('refunding', SETTLEMENT_STATE_LABELS[s], 'busy');
    case 'refunded':
      return state('refunded', SETTLEMENT_STATE_LABELS.refunded, 'done');
    case 'refused':
    case 'voided':
      return null;
  }
}

function fromDispensing(d: DispensingState, withStay: boolean): RxLiveState | null {
  switch (d) {
    case 'open':
      return state('dispensing', '调剂中', 'ok', 'dispense');
    case 'completed':
      return withStay
        ? state('with_stay', STAY_HANDOVER_STATE_LABELS.handed_over, 'done')
        : state('to_settle', '已调剂·待结算', 'ok', 'settle');
    case 'returned':
      return state('returned', '已退费退货', 'done');
    case 'cancelled':
      return null;
  }
}

/**
 * The one live status of a prescription at this counter (issue 19 item 7): the settlement
 * first, then the dispensing, then the review, then whether it may be reviewed at all; with the
 * next step the counter may take. A refused or reversed settlement, or a cancelled dispensing,
 * falls back to the step before it.
 */
export function rxLiveState(p: RxProgress): RxLiveState {
  if (p.selfPaid) return state('self_paid', '已自费结算', 'done');
  const settled =
    p.settlement && p.dispensing !== 'cancelled' ? fromSettlement(p.settlement) : null;
  if (settled) return settled;
  const dispensed = p.dispensing ? fromDispensing(p.dispensing, p.withStay === true) : null;
  if (dispensed) return dispensed;
  if (p.review === 'reject') return state('rejected', '已驳回', 'block');
  if (p.review === 'pass') return state('to_dispense', '审核通过·待调剂', 'ok', 'dispense');
  if (!p.reviewable) return state('blocked', '不可审方', 'block');
  return state('to_review', '有效·待审方', 'ok', 'review');
}
