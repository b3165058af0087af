import type { PaperHeader } from '../paper/paper-types';

/** What the store gives the risk signals: plain rows, personal data still in full (masked on output). */

export interface PaperRxRow extends PaperHeader {
  id: number;
  status: 'captured' | 'dispensed';
  createdAt: number;
}

/** One prescription line, e-prescription (dispensing line) or paper. */
export interface RxLineRow {
  source: 'e' | 'paper';
  /** hi_rxno, or the paper prescription's institution serial number. */
  ref: string;
  at: number;
  patientName: string;
  certno: string;
  institutionName: string;
  medListCodg: string;
  genname: string;
  packs: number;
  days: number | null;
  longRx: boolean;
}

/** One prescription line of one drug handed to one person (supply for the over-dispensing signal). */
export interface SupplyMark {
  source: 'e' | 'paper';
  /** The dispensing's id, or the paper prescription's. */
  id: number;
  lineNo: number;
  at: number;
  days: number | null;
}

/**
 * One person's dispensings of one drug: the e-prescription lines by time, dispensing and line,
 * then the paper ones in the same order.
 */
export interface SupplySeries {
  certno: string;
  medListCodg: string;
  marks: SupplyMark[];
}

/** Names behind a mark, looked up only for the pairs a signal shows. */
export interface SupplyNames {
  patientName(mark: SupplyMark): string;
  genname(mark: SupplyMark): string;
}

export interface RefusalRow {
  at: number;
  channel: 'dispense' | 'self_pay';
  dispensingId: number | null;
  hiRxno: string | null;
  code: string;
  packKey: string | null;
  medListCodg: string | null;
  reason: string;
  ruleId: string | null;
  staffName: string;
}
