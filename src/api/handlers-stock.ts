import type { stockContract } from '../contract/contract-stock';
import type { AppServices } from '../services/app-services';
import { type HandlersFor, must } from './handler-context';

export function createStockHandlers(s: AppServices): HandlersFor<typeof stockContract> {
  const a = s.stock;
  return {
    'stock.receive': (i, ctx) => a.receive(must(ctx), i),
    'stock.returnToSupplier': (i, ctx) => a.returnToSupplier(must(ctx), i),
    'stock.adjust': (i, ctx) => a.adjust(must(ctx), i),
    'stock.suppliers': () => a.suppliers(),
    'stock.saveSupplier': (i, ctx) => a.saveSupplier(must(ctx), i),
    'stock.uploads': () => a.uploads(),
    'stock.storeLevels': () => a.storeLevels(),
  };
}
