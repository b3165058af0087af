import type { Contribution } from '../navigation/contribution';
import { PrescriptionScreen } from './PrescriptionScreen';
import { onPrescriptionEscape, onPrescriptionKey } from './prescription-keys';
import { RecentRxModal } from './RecentRxModal';

export const prescriptionContribution: Contribution = {
  id: 'prescription',
  screen: {
    at: 'prescription',
    View: PrescriptionScreen,
    keys: { onKey: onPrescriptionKey, onEscape: onPrescriptionEscape },
  },
  View: RecentRxModal,
};
