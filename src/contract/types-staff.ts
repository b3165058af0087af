import type { Role } from '../domain/staff';

/** One account on the administrator's staff screen; the ID number only masked. */
export interface StaffView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  pharmacistCode: string | null;
  /** 5001**********3028, or null when none is registered. */
  certnoMasked: string | null;
  active: boolean;
  /** 在用 / 已停用 / 待改密 (a temporary password not yet changed). */
  stateLabel: string;
  deactivatedAt: number | null;
  mustChangePassword: boolean;
  passwordChangedAt: number | null;
  createdAt: number;
}
