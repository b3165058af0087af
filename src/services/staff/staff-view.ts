import type { StaffView } from '../../contract/types-staff';
import { maskIdNumber } from '../../domain/mask';
import { ROLE_LABELS } from '../../domain/staff';
import type { StaffListing } from '../../store/staff-repository';

export function staffView(s: StaffListing, certno: string | null): StaffView {
  return {
    id: s.id,
    username: s.username,
    displayName: s.displayName,
    role: s.role,
    roleLabel: ROLE_LABELS[s.role],
    pharmacistCode: s.pharmacistCode,
    certnoMasked: certno ? maskIdNumber(certno) : null,
    active: s.active,
    stateLabel: !s.active ? '已停用' : s.mustChangePassword ? '待改密' : '在用',
    deactivatedAt: s.deactivatedAt,
    mustChangePassword: s.mustChangePassword,
    passwordChangedAt: s.passwordChangedAt,
    createdAt: s.createdAt,
  };
}
