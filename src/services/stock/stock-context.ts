import { StockMovementRepository } from '../../store/stock-movement-repository';
import { StockReceiptRepository } from '../../store/stock-receipt-repository';
import { StockRepository } from '../../store/stock-repository';
import { SupplierRepository } from '../../store/supplier-repository';
import type { AreaDeps } from '../area-deps';
import { createProductIndex } from '../dispense/product-index';
import { createSettlementContext } from '../settlement/context';

/** What the stock area's services share: the settlement area's upload helpers need its context. */
export function createStockContext(deps: AreaDeps) {
  const settlement = createSettlementContext(deps);
  return {
    ...settlement,
    batches: new StockRepository(deps.db),
    movements: new StockMovementRepository(deps.db),
    receipts: new StockReceiptRepository(deps.db),
    suppliers: new SupplierRepository(deps.db),
    products: createProductIndex(settlement.catalog),
  };
}

export type StockContext = ReturnType<typeof createStockContext>;
