import type { ComplaintChannel } from '../domain/complaint/complaint';
import type { ComplaintState } from '../domain/lifecycle/states';

/** One entry of the complaint and report register (R-COMPLAINT); the complainant masked. */
export interface ComplaintView {
  id: number;
  receivedAt: string;
  receivedByName: string;
  channel: ComplaintChannel;
  channelLabel: string;
  /** Masked (张*丰), or 匿名 when no name was given. */
  complainant: string;
  /** Masked (138****5678), or null. */
  complainantPhone: string | null;
  subject: string;
  hiRxno: string | null;
  dispensingId: number | null;
  state: ComplaintState;
  stateLabel: string;
  checkResult: string | null;
  correction: string | null;
  agency: string | null;
  referredAt: string | null;
  closedByName: string | null;
  closedAt: string | null;
}

export interface ComplaintEventView {
  at: string;
  staffName: string;
  fromLabel: string | null;
  toLabel: string;
  note: string | null;
}

export interface ComplaintDetail extends ComplaintView {
  events: ComplaintEventView[];
}
