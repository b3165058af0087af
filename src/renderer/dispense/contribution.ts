import type { Contribution } from '../app/contribution';
import { DispenseScreen } from './DispenseScreen';
import { onDispenseKey } from './dispense-keys';

export const dispenseContribution: Contribution = {
  id: 'dispense',
  screen: { at: 'dispense', View: DispenseScreen },
  onScreenKey: onDispenseKey,
};
