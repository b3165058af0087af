import type { Contribution } from '../navigation/contribution';
import { lazyView } from '../navigation/lazy-view';
import { onComplaintKeyDown } from './complaint-key-handler';
import { COMPLAINT_KEYS } from './complaint-keys';

export const complaintContribution: Contribution = {
  id: 'complaints',
  View: lazyView(() => import('./ComplaintScreen').then((m) => m.ComplaintScreen)),
  keys: COMPLAINT_KEYS,
  onKeyDown: onComplaintKeyDown,
};
