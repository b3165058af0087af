import type { Contribution } from '../navigation/contribution';
import { SaleScreen } from './SaleScreen';
import { onSaleEscape, onSaleKey } from './sale-keys';

export const saleContribution: Contribution = {
  id: 'sale',
  screen: { at: 'sale', View: SaleScreen, keys: { onKey: onSaleKey, onEscape: onSaleEscape } },
};
