import type { Role } from '../domain/staff';

/** Answers of the store server's staff roster and shifts (store-protocol-staff.ts). */

/** One staff account as the store keeps it: the password's hash only, never the password. */
export interface StoreStaffAccount {
  username: string;
  displayName: string;
  role: Role;
  pharmacistCode: string | null;
  certno: string | null;
  passwordHash: string;
  mustChangePassword: boolean;
  active: boolean;
}

export type StaffPutAnswer =
  /** stored as the roster's newest version (or unchanged: the store had it already) */
  | { verdict: 'stored'; version: number }
  /** the store has a newer change from another counter: kept; the counter takes it on its pull */
  | { verdict: 'conflict'; version: number; changedBy: string }
  /** the change would leave the store with no active administrator (D57): the store's copy stands */
  | { verdict: 'refused'; version: number; message: string };

export interface StaffRosterAnswer {
  accounts: Array<StoreStaffAccount & { version: number }>;
}

export interface ShiftsRecordAnswer {
  recorded: number;
  closed: number;
}

export interface ShiftsLastAnswer {
  /** this counter's highest stored shift id; 0 before its first */
  lastLocalId: number;
  /** its shifts the store still has open */
  openLocalIds: number[];
}

/** A pharmacist on duty at a counter of the store, as the store records it. */
export interface StoreOnDutyShift {
  counterId: string;
  username: string;
  displayName: string;
  pharmacistCode: string;
  /** ms since epoch */
  openedAt: number;
}

export interface StoreOnDutyAnswer {
  shifts: StoreOnDutyShift[];
}
