import type { Contribution } from '../navigation/contribution';
import { lazyView } from '../navigation/lazy-view';
import { onCounterEscape, onCounterKey } from './counter-keys';

export const counterContribution: Contribution = {
  id: 'counter',
  screen: {
    at: 'counter',
    View: lazyView(() => import('./CounterScreen').then((m) => m.CounterScreen)),
    keys: { onKey: onCounterKey, onEscape: onCounterEscape },
  },
};
