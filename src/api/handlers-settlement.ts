import type { settlementContract } from '../contract/contract-settlement';
import type { AppServices } from '../services/app-services';
import { type HandlersFor, must } from './handler-context';

export function createSettlementHandlers(s: AppServices): HandlersFor<typeof settlementContract> {
  const a = s.settlement;
  return {
    'settle.preview': (i, ctx) => a.preview(must(ctx), i),
    'settle.estimate': (i, ctx) => a.estimate(must(ctx), i),
    'settle.confirm': (i, ctx) =>
      a.confirm(must(ctx), i.dispensingId, i.previewId, i.receiptChoice),
    'settle.get': (i) => a.get(i),
    'settle.resolveUnknown': (i) => a.resolveUnknown(i.settlementId),
    'refund.start': (i, ctx) => a.refund(must(ctx), i.settlementId, i.reason),
    'receipt.get': (i) =>
      a.receipt(
        'settlementId' in i ? { settlementId: i.settlementId } : { saleId: i.saleId },
        i.format,
      ),
    'settlement.find': (i) => a.find(i),
    'receipt.reprint': (i) => a.reprint(i.settlementId, i.format),
    'receipt.refundSlip': (i) => a.refundSlip(i.settlementId, i.format),
    'settle.scopeConsents': (i) => a.scopeConsents(i.dispensingId),
    'settle.recordScopeConsent': (i, ctx) => a.recordScopeConsent(must(ctx), i),
    'sale.selfPay': (i, ctx) => a.selfPay(must(ctx), i.items),
    'sale.mtClaim': (i, ctx) => a.mtClaim(must(ctx), i.paperId, i.items),
    'sale.mtClaimMaterials': (i) => a.mtClaimMaterials(i.paperId, i.saleId),
    'rx.selfPayOffer': (i) => a.rxSelfPayOffer(i.hiRxno),
    'rx.selfPayConsent': (i, ctx) => a.rxSelfPayConsent(must(ctx), i),
    'sale.rxSelfPay': (i, ctx) => a.rxSelfPaySale(must(ctx), i.hiRxno, i.items),
    'sale.rxSelfPayRefund': (i, ctx) => a.rxSelfPayRefund(must(ctx), i.saleId, i.reason),
    'stay.record': (i, ctx) => a.stay.record(must(ctx), i),
    'stay.get': (i) => a.stay.view(i.dispensingId),
    'stay.materials': (i) => a.stay.materials(i.dispensingId),
    'stay.withdraw': (i, ctx) => a.stay.withdraw(must(ctx), i.dispensingId, i.reason),
    'sale.get': (i) => a.sale(i.saleId),
    'uploads.forSale': (i) => a.uploadsForSale(i),
    'stock.stocktake': (_i, ctx) => a.stocktake(must(ctx)),
  };
}
