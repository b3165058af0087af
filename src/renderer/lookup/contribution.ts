import type { Contribution } from '../navigation/contribution';
import { lazyView } from '../navigation/lazy-view';
import { onLookupKeyDown } from './lookup-key-handler';

/** 结算查询 (Alt+H): its keys are rows of FUNCTION_KEYS (Alt+H, Alt+Y, Shift+F5). */
export const lookupContribution: Contribution = {
  id: 'lookup',
  View: lazyView(() => import('./LookupScreen').then((m) => m.LookupScreen)),
  onKeyDown: onLookupKeyDown,
};
