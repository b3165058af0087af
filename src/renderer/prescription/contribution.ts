import type { Contribution } from '../app/contribution';
import { PrescriptionScreen } from './PrescriptionScreen';
import { onPrescriptionKey } from './prescription-keys';
import { RecentRxModal } from './RecentRxModal';

export const prescriptionContribution: Contribution = {
  id: 'prescription',
  screen: { at: 'prescription', View: PrescriptionScreen },
  View: RecentRxModal,
  onScreenKey: onPrescriptionKey,
};
