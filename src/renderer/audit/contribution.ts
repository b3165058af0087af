import type { Contribution } from '../navigation/contribution';
import { AuditModal } from './AuditModal';
import { onAuditKeyDown } from './audit-key-handler';
import { AUDIT_KEYS } from './audit-keys';

export const auditContribution: Contribution = {
  id: 'audit',
  View: AuditModal,
  keys: AUDIT_KEYS,
  onKeyDown: onAuditKeyDown,
};
