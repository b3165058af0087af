import type { Contribution } from '../navigation/contribution';
import { lazyView } from '../navigation/lazy-view';
import { onSaleEscape, onSaleKey } from './sale-keys';

export const saleContribution: Contribution = {
  id: 'sale',
  screen: {
    at: 'sale',
    View: lazyView(() => import('./SaleScreen').then((m) => m.SaleScreen)),
    keys: { onKey: onSaleKey, onEscape: onSaleEscape },
  },
};
