import type { Contribution } from '../navigation/contribution';
import { lazyView } from '../navigation/lazy-view';
import { onStockKeyDown } from './stock-key-handler';
import { STOCK_KEYS } from './stock-keys';

export const stockContribution: Contribution = {
  id: 'stock',
  View: lazyView(() => import('./StockScreen').then((m) => m.StockScreen)),
  keys: STOCK_KEYS,
  onKeyDown: onStockKeyDown,
};
