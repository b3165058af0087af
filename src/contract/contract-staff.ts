import { z } from 'zod';
import { ROLES } from '../domain/staff';
import { audited, type RolePolicy, reads } from './method-policy';
import type { StaffView } from './types-staff';

const id = z.number().int().positive();
const password = z.string().min(1).max(256);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** Who is registered as a licensed pharmacist decides who may review (R-PHARMACIST): admin only. */
const adminOnly: RolePolicy = {
  allowed: ['admin'],
  refusal: '只有管理员可以管理员工账号',
  ruleId: 'R-PHARMACIST',
};

const accountFields = {
  displayName: z.string().trim().min(1, '姓名不能为空').max(40),
  role: z.enum(ROLES),
  pharmacistCode: optionalText(20),
  certno: optionalText(18),
};

/** What a staff change leaves in the audit trail: never a password, the ID number only masked. */
const staffDetail = {
  input: ['role'],
  output: ['username', 'role', 'pharmacistCode', 'certnoMasked', 'active'],
} as const;

/** Staff accounts (issue 14): the administrator's screen, and everyone's own password. */
export const staffContract = {
  'staff.list': {
    input: z.object({}).strict(),
    output: [] as StaffView[],
    auth: true,
    roles: adminOnly,
    ...reads,
  },
  'staff.create': {
    input: z
      .object({
        username: z.string().trim().min(1).max(32),
        ...accountFields,
        password,
      })
      .strict(),
    output: {} as StaffView,
    auth: true,
    roles: adminOnly,
    mutates: true,
    audit: audited('staff.create', { subject: 'staff', detail: staffDetail }),
  },
  'staff.update': {
    input: z.object({ id, ...accountFields }).strict(),
    output: {} as StaffView,
    auth: true,
    roles: adminOnly,
    mutates: true,
    audit: audited('staff.update', { subject: 'staff', detail: staffDetail }),
  },
  'staff.deactivate': {
    input: z.object({ id }).strict(),
    output: {} as StaffView,
    auth: true,
    roles: adminOnly,
    mutates: true,
    audit: audited('staff.deactivate', { subject: 'staff', detail: staffDetail }),
  },
  'staff.reactivate': {
    input: z.object({ id }).strict(),
    output: {} as StaffView,
    auth: true,
    roles: adminOnly,
    mutates: true,
    audit: audited('staff.reactivate', { subject: 'staff', detail: staffDetail }),
  },
  'staff.resetPassword': {
    input: z.object({ id, password }).strict(),
    output: {} as StaffView,
    auth: true,
    roles: adminOnly,
    mutates: true,
    audit: audited('staff.resetPassword', { subject: 'staff', detail: staffDetail }),
  },
  /** Anyone's own password; the only call a temporary password allows besides log-out. */
  'session.changePassword': {
    input: z.object({ oldPassword: password, newPassword: password }).strict(),
    output: {} as { ok: true },
    auth: true,
    withTemporaryPassword: true,
    mutates: true,
    audit: audited('session.changePassword'),
  },
} as const;
