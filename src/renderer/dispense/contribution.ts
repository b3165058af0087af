import type { Contribution } from '../navigation/contribution';
import { lazyView } from '../navigation/lazy-view';
import { onDispenseEnter, onDispenseEscape, onDispenseKey } from './dispense-keys';

export const dispenseContribution: Contribution = {
  id: 'dispense',
  screen: {
    at: 'dispense',
    View: lazyView(() => import('./DispenseScreen').then((m) => m.DispenseScreen)),
    keys: { onKey: onDispenseKey, onEscape: onDispenseEscape, onEnter: onDispenseEnter },
  },
};
