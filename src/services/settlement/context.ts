import { DispensingRepository } from '../../store/dispensing-repository';
import { ElectronicReceiptRepository } from '../../store/electronic-receipt-repository';
import { PaperRepository } from '../../store/paper-repository';
import { ReviewRepository } from '../../store/review-repository';
import { RxSelfPayRepository } from '../../store/rx-self-pay-repository';
import { SaleReturnRepository } from '../../store/sale-return-repository';
import { SaleUploadRepository } from '../../store/sale-upload-repository';
import { ScopeConsentRepository } from '../../store/scope-consent-repository';
import { SelfPayRepository } from '../../store/self-pay-repository';
import { SettlementRepository } from '../../store/settlement-repository';
import { StockRepository } from '../../store/stock-repository';
import { SupervisionRepository } from '../../store/supervision-repository';
import type { AreaDeps } from '../area-deps';
import { createPreviewStore } from './preview-store';

/** What the settlement area's services share. */
export function createSettlementContext(deps: AreaDeps) {
  return {
    ...deps,
    settlements: new SettlementRepository(deps.db),
    uploads: new SaleUploadRepository(deps.db),
    dispensings: new DispensingRepository(deps.db),
    papers: new PaperRepository(deps.db),
    reviews: new ReviewRepository(deps.db),
    returns: new SaleReturnRepository(deps.db, deps.storeQueue?.recordReturn ?? null),
    selfPay: new SelfPayRepository(deps.db),
    rxSelfPay: new RxSelfPayRepository(deps.db),
    scopeConsents: new ScopeConsentRepository(deps.db),
    stock: new StockRepository(deps.db),
    eReceipts: new ElectronicReceiptRepository(deps.db),
    supervision: new SupervisionRepository(deps.db),
    previews: createPreviewStore(deps.now),
  };
}

export type SettlementContext = ReturnType<typeof createSettlementContext>;
