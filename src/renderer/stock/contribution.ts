import type { Contribution } from '../navigation/contribution';
import { StockScreen } from './StockScreen';
import { onStockKeyDown } from './stock-key-handler';
import { STOCK_KEYS } from './stock-keys';

export const stockContribution: Contribution = {
  id: 'stock',
  View: StockScreen,
  keys: STOCK_KEYS,
  onKeyDown: onStockKeyDown,
};
