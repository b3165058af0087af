import type { Contribution } from '../navigation/contribution';
import { lazyView } from '../navigation/lazy-view';
import { onPaperKeyDown } from './paper-key-handler';
import { PAPER_KEYS } from './paper-keys';

export const paperContribution: Contribution = {
  id: 'paper',
  View: lazyView(() => import('./PaperScreen').then((m) => m.PaperScreen)),
  keys: PAPER_KEYS,
  onKeyDown: onPaperKeyDown,
};
