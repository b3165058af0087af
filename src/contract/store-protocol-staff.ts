import { z } from 'zod';
import { ROLES } from '../domain/staff';
import { idempotencyKey } from './store-protocol-fields';
import type {
  ShiftsLastAnswer,
  ShiftsRecordAnswer,
  StaffPutAnswer,
  StaffRosterAnswer,
  StoreOnDutyAnswer,
} from './types-store-staff';

export const storeStaffAccount = z
  .object({
    username: z.string().min(1).max(32),
    displayName: z.string().min(1).max(64),
    role: z.enum(ROLES),
    pharmacistCode: z.string().min(1).max(64).nullable(),
    certno: z
      .string()
      .regex(/^\d{17}[\dX]$/)
      .nullable(),
    passwordHash: z.string().min(20).max(512),
    mustChangePassword: z.boolean(),
    active: z.boolean(),
  })
  .strict();

export const storeShiftRecord = z
  .object({
    localId: z.number().int().positive(),
    username: z.string().min(1).max(32),
    displayName: z.string().min(1).max(64),
    pharmacistCode: z.string().min(1).max(64),
    /** ms since epoch */
    openedAt: z.number().int().positive(),
    closedAt: z.number().int().positive().nullable(),
  })
  .strict();
export type StoreShiftRecord = z.infer<typeof storeShiftRecord>;

/**
 * The pharmacy's staff roster and who is on duty where (issue 17, docs/store-server.md, "Staff
 * and shifts"): an account registered at one counter signs in at every counter of the store.
 */
export const storeStaffProtocol = {
  /** An account as this counter has it now; `baseVersion`: the store's version it was based on. */
  'staff.put': {
    input: z
      .object({
        idempotencyKey,
        account: storeStaffAccount,
        baseVersion: z.number().int().nonnegative().nullable(),
      })
      .strict(),
    output: {} as StaffPutAnswer,
    mutates: true,
  },
  /** Accounts changed after `afterVersion`, oldest change first. */
  'staff.roster': {
    input: z.object({ afterVersion: z.number().int().nonnegative() }).strict(),
    output: {} as StaffRosterAnswer,
    mutates: false,
  },
  /** A batch of this counter's shifts (opened, or closed since): stored once, closed once. */
  'shifts.record': {
    input: z.object({ idempotencyKey, shifts: z.array(storeShiftRecord).min(1).max(200) }).strict(),
    output: {} as ShiftsRecordAnswer,
    mutates: true,
  },
  /** Where this counter's shift delivery stands. */
  'shifts.last': {
    input: z.object({}).strict(),
    output: {} as ShiftsLastAnswer,
    mutates: false,
  },
  /** Every pharmacist on duty now, at which counter. */
  'shifts.onDuty': {
    input: z.object({}).strict(),
    output: {} as StoreOnDutyAnswer,
    mutates: false,
  },
} as const;
