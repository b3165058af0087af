import type { Contribution } from '../navigation/contribution';
import { DispenseScreen } from './DispenseScreen';
import { onDispenseEnter, onDispenseEscape, onDispenseKey } from './dispense-keys';

export const dispenseContribution: Contribution = {
  id: 'dispense',
  screen: {
    at: 'dispense',
    View: DispenseScreen,
    keys: { onKey: onDispenseKey, onEscape: onDispenseEscape, onEnter: onDispenseEnter },
  },
};
