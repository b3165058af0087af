import type { Contribution } from '../navigation/contribution';
import { lazyView } from '../navigation/lazy-view';
import { onAuditKeyDown } from './audit-key-handler';
import { AUDIT_KEYS } from './audit-keys';

export const auditContribution: Contribution = {
  id: 'audit',
  View: lazyView(() => import('./AuditModal').then((m) => m.AuditModal)),
  keys: AUDIT_KEYS,
  onKeyDown: onAuditKeyDown,
};
