import type { Contribution } from '../navigation/contribution';
import { CounterScreen } from './CounterScreen';
import { onCounterEscape, onCounterKey } from './counter-keys';

export const counterContribution: Contribution = {
  id: 'counter',
  screen: {
    at: 'counter',
    View: CounterScreen,
    keys: { onKey: onCounterKey, onEscape: onCounterEscape },
  },
};
