import { StockMovementRepository } from '../../store/stock-movement-repository';
import { StockRepository } from '../../store/stock-repository';
import type { AreaDeps } from '../area-deps';
import { createSettlementContext } from '../settlement/context';

/** What the stock area's services share: the settlement area's upload helpers need its context. */
export function createStockContext(deps: AreaDeps) {
  return {
    ...createSettlementContext(deps),
    batches: new StockRepository(deps.db),
    movements: new StockMovementRepository(deps.db),
  };
}

export type StockContext = ReturnType<typeof createStockContext>;
