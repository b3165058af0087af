import type { Contribution } from '../app/contribution';
import { SaleScreen } from './SaleScreen';
import { onSaleKey } from './sale-keys';

export const saleContribution: Contribution = {
  id: 'sale',
  screen: { at: 'sale', View: SaleScreen },
  onScreenKey: onSaleKey,
};
