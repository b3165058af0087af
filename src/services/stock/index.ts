import type { StockUploadView } from '../../contract/types-stock';
import { SettingsRepository } from '../../store/settings-repository';
import type { SupplierInput } from '../../store/supplier-repository';
import type { AreaDeps } from '../area-deps';
import type { AuthenticatedSession } from '../auth-service';
import type { AdjustReason } from './codes';
import { adjustStock, returnToSupplier } from './movement-service';
import { receiveStock } from './receive-service';
import { createStockContext } from './stock-context';
import { stockUploadView } from './stock-upload-view';
import { createStoreLevels } from './store-levels';
import { receiveThroughStore, type StoreReceiveInput } from './store-linked-receiving';
import { listSuppliers, saveSupplier } from './supplier-service';

/** How many stock uploads the stock screen lists. */
const RECENT_UPLOADS = 100;

/** Stock screens' changes and their uploads 3502/3503/3504 (R-STOCK; 3501 is stock.stocktake). */
export function createStockArea(deps: AreaDeps) {
  const ctx = createStockContext(deps);
  const storeLevels = createStoreLevels(deps.storeLink, deps.log, new SettingsRepository(deps.db));
  // A counter of a store receives at the store first (D54); a single counter exactly as before.
  const receiveAtStore = deps.storeLink ? receiveThroughStore(ctx, deps.storeLink, deps.log) : null;
  return {
    receive: async (s: AuthenticatedSession, i: StoreReceiveInput) =>
      receiveAtStore ? receiveAtStore(s, i) : receiveStock(ctx, s, i),
    returnToSupplier: (
      s: AuthenticatedSession,
      i: { batchId: number; packs: number; reason: string; codes: string[] },
    ) => returnToSupplier(ctx, s, i),
    adjust: (
      s: AuthenticatedSession,
      i: {
        batchId: number;
        deltaPacks: number;
        reason: AdjustReason;
        memo?: string | undefined;
        codes?: string[] | undefined;
      },
    ) => adjustStock(ctx, s, i),
    suppliers: () => listSuppliers(ctx),
    saveSupplier: (s: AuthenticatedSession, i: SupplierInput & { id?: number | undefined }) =>
      saveSupplier(ctx, s, i),
    storeLevels,
    uploads: (): StockUploadView[] =>
      ctx.movements.uploads(RECENT_UPLOADS).map((r) => stockUploadView(ctx, r)),
  };
}

export type StockArea = ReturnType<typeof createStockArea>;
