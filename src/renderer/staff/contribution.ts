import type { Contribution } from '../navigation/contribution';
import { lazyView } from '../navigation/lazy-view';
import { onStaffKeyDown } from './staff-key-handler';

/** Staff accounts (Ctrl+Shift+Y, administrator) and one's own password (Ctrl+Shift+K); keys in FUNCTION_KEYS. */
export const staffContribution: Contribution = {
  id: 'staff',
  View: lazyView(() => import('./StaffViews').then((m) => m.StaffViews)),
  onKeyDown: onStaffKeyDown,
};
