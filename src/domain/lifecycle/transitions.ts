import { AppError } from '../errors';
import {
  COMPLAINT_STATE_LABELS,
  DELIVERY_STATE_LABELS,
  DISPENSING_STATE_LABELS,
  PAPER_STATUS_LABELS,
  SETTLEMENT_STATE_LABELS,
  STAY_HANDOVER_STATE_LABELS,
  UPLOAD_STATE_LABELS,
} from './state-labels';
import type {
  ComplaintState,
  DeliveryState,
  DispensingState,
  DispensingUploadState,
  PaperStatus,
  SettlementState,
  StayHandoverState,
} from './states';

/** The state machines of a sale and the states each one moves through. */
export interface MachineStates {
  settlement: SettlementState;
  dispensing: DispensingState;
  paper: PaperStatus;
  upload: DispensingUploadState;
  complaint: ComplaintState;
  delivery: DeliveryState;
  stay: StayHandoverState;
}

export type Machine = keyof MachineStates;

type Table<S extends string> = Readonly<Record<S, readonly S[]>>;

/**
 * Every allowed move, from → to. The store goes through this table for every state it writes
 * (assertTransition), so a move not listed here throws instead of being stored.
 */
export const TRANSITIONS: { readonly [M in Machine]: Table<MachineStates[M]> } = {
  settlement: {
    settling: ['settled', 'refused', 'outcome_unknown'],
    settled: ['refunding'],
    refused: [],
    // a 2601 answered for a lost 2102: the sale never happened
    outcome_unknown: ['voided'],
    voided: [],
    // refused 2103 → still settled
    refunding: ['refunded', 'settled', 'refund_unknown'],
    // a 2601 answered for a lost 2103: the refund did not stand; may refund again
    refund_unknown: ['settled'],
    refunded: [],
  },
  dispensing: {
    open: ['completed', 'cancelled'],
    // refunded, or 撤销调剂 of a held (never settled) one: packs and codes go back
    completed: ['returned', 'cancelled'],
    cancelled: [],
    returned: [],
  },
  paper: {
    captured: ['dispensed'],
    dispensed: [],
  },
  upload: {
    waiting: ['queued'],
    queued: ['delivered'],
    delivered: [],
  },
  // one outside the pharmacy's remit may go to the agency at once, without a check of its own
  complaint: {
    received: ['checking', 'referred'],
    checking: ['corrected', 'referred'],
    corrected: ['closed'],
    referred: ['closed'],
    closed: [],
  },
  delivery: {
    ordered: ['handed_over'],
    handed_over: ['received'],
    received: [],
  },
  // 撤销 before the hospital settles the stay; the dispensing is then cancelled (撤销调剂)
  stay: {
    handed_over: ['withdrawn'],
    withdrawn: [],
  },
};

/** The state each machine is created in. */
export const INITIAL_STATES: { readonly [M in Machine]: MachineStates[M] } = {
  settlement: 'settling',
  dispensing: 'open',
  paper: 'captured',
  upload: 'waiting',
  complaint: 'received',
  delivery: 'ordered',
  stay: 'handed_over',
};

const MACHINE_NAMES: Record<Machine, string> = {
  settlement: '结算',
  dispensing: '调剂单',
  paper: '纸质处方',
  upload: '销售上传',
  complaint: '投诉举报',
  delivery: '配送单',
  stay: '随住院结算',
};

const LABELS: { readonly [M in Machine]: Record<MachineStates[M], string> } = {
  settlement: SETTLEMENT_STATE_LABELS,
  dispensing: DISPENSING_STATE_LABELS,
  paper: PAPER_STATUS_LABELS,
  upload: UPLOAD_STATE_LABELS,
  complaint: COMPLAINT_STATE_LABELS,
  delivery: DELIVERY_STATE_LABELS,
  stay: STAY_HANDOVER_STATE_LABELS,
};

export function canTransition<M extends Machine>(
  machine: M,
  from: MachineStates[M],
  to: MachineStates[M],
): boolean {
  const table: Table<MachineStates[M]> = TRANSITIONS[machine];
  return table[from]?.includes(to) ?? false;
}

/** Throws a Chinese CONFLICT when the move is not in the machine's table. */
export function assertTransition<M extends Machine>(
  machine: M,
  from: MachineStates[M],
  to: MachineStates[M],
): void {
  if (canTransition(machine, from, to)) return;
  const labels: Record<MachineStates[M], string> = LABELS[machine];
  throw new AppError(
    'CONFLICT',
    `${MACHINE_NAMES[machine]}不能从「${labels[from] ?? from}」变为「${labels[to] ?? to}」：该状态变化未被允许`,
    { detail: `${machine}: ${from} → ${to}` },
  );
}
