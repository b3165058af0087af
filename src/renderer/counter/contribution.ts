import type { Contribution } from '../app/contribution';
import { CounterScreen } from './CounterScreen';
import { onCounterKey } from './counter-keys';

export const counterContribution: Contribution = {
  id: 'counter',
  screen: { at: 'counter', View: CounterScreen },
  onScreenKey: onCounterKey,
};
