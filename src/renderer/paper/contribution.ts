import type { Contribution } from '../navigation/contribution';
import { lazyView } from '../navigation/lazy-view';
import { onPaperKeyDown } from './paper-key-handler';
import { PAPER_KEYS } from './paper-keys';

/**
 * Loaded with the first screen, not lazily: the capture keys (Alt+M, Alt+O…) act on the
 * screen's own buttons, and a key pressed before a lazy chunk arrived would be lost.
 */
export const paperContribution: Contribution = {
  id: 'paper',
  View: lazyView(() => import('./PaperScreen').then((m) => m.PaperScreen)),
  keys: PAPER_KEYS,
  onKeyDown: onPaperKeyDown,
};
