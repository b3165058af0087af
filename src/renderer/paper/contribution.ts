import type { Contribution } from '../navigation/contribution';
import { PaperScreen } from './PaperScreen';
import { onPaperKeyDown } from './paper-key-handler';
import { PAPER_KEYS } from './paper-keys';

export const paperContribution: Contribution = {
  id: 'paper',
  View: PaperScreen,
  keys: PAPER_KEYS,
  onKeyDown: onPaperKeyDown,
};
