import type { Contribution } from '../navigation/contribution';
import { lazyView } from '../navigation/lazy-view';
import { onPrescriptionEscape, onPrescriptionKey } from './prescription-keys';

export const prescriptionContribution: Contribution = {
  id: 'prescription',
  screen: {
    at: 'prescription',
    View: lazyView(() => import('./PrescriptionScreen').then((m) => m.PrescriptionScreen)),
    keys: { onKey: onPrescriptionKey, onEscape: onPrescriptionEscape },
  },
  View: lazyView(() => import('./RecentRxModal').then((m) => m.RecentRxModal)),
};
