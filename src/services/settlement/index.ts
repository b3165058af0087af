import { AppError } from '../../domain/errors';
import type { ReceiptChoice } from '../../domain/settlement/receipt-choice';
import type { OutboxItem } from '../../store/outbox-repository';
import { markDispensingUpload } from '../../store/sale-upload-repository';
import type { AreaDeps } from '../area-deps';
import type { AuthenticatedSession } from '../auth-service';
import type { PaperRules } from '../dispense/paper-rules';
import type { DeliveredHooks } from '../outbox-delivered-hooks';
import { centerRefusedCodeHook } from './center-refused-codes';
import { createSettlementContext, type SettlementContext } from './context';
import { createEstimateService } from './estimate-service';
import { findSettlements, type LookupQuery } from './lookup';
import { createMtClaimService } from './mt-claim-service';
import { createPreviewService } from './preview-service';
import { createElectronicReceipts } from './receipt/electronic-receipts-area';
import { receipt } from './receipt/receipt-service';
import { refundSlip } from './receipt/refund-slip';
import { reprintReceipt } from './receipt/reprint';
import { createRefundService } from './refund-service';
import { rxSelfPayAtStore } from './rx-self-pay-at-store';
import { createRxSelfPayService, type RxSelfPayConsentInput } from './rx-self-pay-service';
import { selfPaySaleView, stocktake, uploadsForSale } from './sale-views';
import {
  recordScopeConsent,
  type ScopeConsentInput,
  scopeConsentsView,
} from './scope-consent-service';
import { createSelfPayService, type SelfPayItem } from './self-pay-service';
import { createSettleService } from './settle-service';
import { settlementView } from './settlement-view';
import { createStayHandoverService } from './stay-handover-service';
import { createStoreCashDelivery } from './store-cash-delivery';
import { storeDayReport } from './store-day-report';
import { linkSelfPayToStore } from './store-linked-self-pay';
import { createStoreSettlementDelivery } from './store-settlement-delivery';
import { handleSupervision } from './supervision';
import { applyReversal, recordUnknown, resolveNow } from './unknown-outcome';

/** Start-up: a 2102/2103 sent when the program stopped has an unknown outcome: reverse it. */
function recoverInterrupted(ctx: SettlementContext): void {
  for (const state of ['settling', 'refunding'] as const) {
    for (const s of ctx.settlements.inState(state)) {
      const call = ctx.settlements.calls(s.id).findLast((c) => c.outcome === 'sent');
      if (!call) continue;
      const req = JSON.parse(s.request) as { opter: string; opter_name: string; sign_no: string };
      recordUnknown(ctx, s, call, '程序在等待医保中心应答时中断', {
        opter: req.opter,
        opterName: req.opter_name,
        signNo: req.sign_no,
      });
    }
  }
}

function hooks(ctx: SettlementContext): Pick<DeliveredHooks, '2601' | '7207' | '3505'> {
  const saleDelivered = (infno: '7207' | '3505') => (item: OutboxItem) =>
    markDispensingUpload(
      ctx.db,
      0,
      infno,
      { state: 'delivered', msgid: item.msgid },
      ctx.now().getTime(),
    );
  return {
    '2601': (item, response) => applyReversal(ctx, item.msgid, response),
    '7207': saleDelivered('7207'),
    '3505': saleDelivered('3505'),
  };
}

/** Settlement, refunds, self-pay sales and their uploads (issue "Settlement, refunds and uploads"). */
export function createSettlementArea(deps: AreaDeps, paperRules: PaperRules) {
  const ctx = createSettlementContext(deps);
  recoverInterrupted(ctx);
  const confirm = createSettleService(ctx);
  const refund = createRefundService(ctx);
  const sellHere = createSelfPayService(ctx);
  // A counter of a store sells cash packs at the store server first (issue 17), and so do the
  // sales against a prescription: the 门特 claim and the 自费结算 of an e-prescription (D52).
  const sellAtStore = deps.storeLink
    ? linkSelfPayToStore(
        sellHere,
        deps.storeLink,
        deps.storeQueue,
        deps.log,
        deps.now,
        (m) => ctx.catalog.get(m)?.genname,
      )
    : null;
  const sell = sellAtStore ?? sellHere;
  const sellPrescribed = sellAtStore ?? ((s, items, rx) => sellHere(s, items, rx));
  const atStore = deps.storeLink
    ? rxSelfPayAtStore(deps.storeLink, deps.storeQueue, deps.log)
    : null;
  const mtClaim = createMtClaimService(ctx, sellPrescribed, paperRules, atStore?.claims ?? null);
  const rxSelfPay = createRxSelfPayService(ctx, sellPrescribed, atStore);
  // …and sends every settlement and refund to the store server's records (issue 17).
  const toStore = deps.storeLink
    ? createStoreSettlementDelivery({ db: deps.db, link: deps.storeLink, log: deps.log })
    : null;
  // …and every cash sale, for the store day report's cash takings (issue 17).
  const cashToStore = deps.storeLink
    ? createStoreCashDelivery({ db: deps.db, link: deps.storeLink, log: deps.log })
    : null;
  const thenDeliverCash = <T>(result: T): T => {
    cashToStore?.soon();
    return result;
  };
  const thenDeliver = <T>(result: T): T => {
    toStore?.soon();
    return result;
  };
  return {
    /** Store mode's delivery of settlement records; null for a single counter. */
    toStore,
    /** Store mode's delivery of cash sales; null for a single counter. */
    cashToStore,
    storeDayReport: (day: string) => storeDayReport(deps.storeLink, deps.log, day),
    electronicReceipts: createElectronicReceipts(ctx),
    preview: createPreviewService(ctx),
    estimate: createEstimateService(ctx),
    async confirm(
      session: AuthenticatedSession,
      dispensingId: number,
      previewId?: string,
      receiptChoice?: ReceiptChoice,
    ) {
      return thenDeliver(
        settlementView(ctx, await confirm(session, dispensingId, previewId, receiptChoice)),
      );
    },
    get(of: { settlementId: number } | { dispensingId: number }) {
      if ('settlementId' in of) return settlementView(ctx, of.settlementId);
      const s = ctx.settlements.latestForDispensing(of.dispensingId);
      if (!s) throw new AppError('NOT_FOUND', `调剂单 ${of.dispensingId} 尚未结算`);
      return settlementView(ctx, s.id);
    },
    async resolveUnknown(settlementId: number) {
      settlementView(ctx, settlementId);
      await resolveNow(ctx, settlementId);
      return thenDeliver(settlementView(ctx, settlementId));
    },
    async refund(session: AuthenticatedSession, settlementId: number, reason: string) {
      await refund(session, settlementId, reason);
      return thenDeliver(settlementView(ctx, settlementId));
    },
    receipt: receipt.bind(null, ctx),
    find: (q: LookupQuery) => findSettlements(ctx, q),
    reprint: reprintReceipt.bind(null, ctx),
    refundSlip: refundSlip.bind(null, ctx),
    scopeConsents: (dispensingId: number) => scopeConsentsView(ctx, dispensingId),
    recordScopeConsent: (session: AuthenticatedSession, input: ScopeConsentInput) =>
      recordScopeConsent(ctx, session, input),
    selfPay(session: AuthenticatedSession, items: SelfPayItem[]) {
      const saleId = sell(session, items);
      return typeof saleId === 'number'
        ? thenDeliverCash(selfPaySaleView(ctx, saleId))
        : saleId.then((id) => thenDeliverCash(selfPaySaleView(ctx, id)));
    },
    sale: (saleId: number) => selfPaySaleView(ctx, saleId),
    async mtClaim(session: AuthenticatedSession, paperId: number, items: SelfPayItem[]) {
      const saleId = await mtClaim.sale(session, paperId, items);
      return thenDeliverCash({
        ...selfPaySaleView(ctx, saleId),
        materials: mtClaim.materials(paperId, saleId),
      });
    },
    mtClaimMaterials: (paperId: number, saleId: number) => mtClaim.materials(paperId, saleId),
    rxSelfPayOffer: (hiRxno: string) => rxSelfPay.offer(hiRxno),
    rxSelfPayConsent: (session: AuthenticatedSession, input: RxSelfPayConsentInput) => ({
      consentId: rxSelfPay.recordConsent(session, input),
    }),
    async rxSelfPaySale(session: AuthenticatedSession, hiRxno: string, items: SelfPayItem[]) {
      return selfPaySaleView(ctx, await rxSelfPay.sale(session, hiRxno, items));
    },
    async rxSelfPayRefund(session: AuthenticatedSession, saleId: number, reason: string) {
      await rxSelfPay.refund(session, saleId, reason);
      return selfPaySaleView(ctx, saleId);
    },
    /** R-MT-SETTLE: inpatient dual-channel dispensings handed to the hospital (D47). */
    stay: createStayHandoverService(ctx, atStore?.claims ?? null),
    handleSupervision: (
      session: AuthenticatedSession,
      input: Parameters<typeof handleSupervision>[2],
    ) => handleSupervision(ctx, session, input),
    uploadsForSale: (of: { settlementId: number } | { saleId: number }) => uploadsForSale(ctx, of),
    stocktake: (session: AuthenticatedSession) => stocktake(ctx, session),
    /** Outbox delivered-hooks by infno (wired into the worker in app-services.ts). */
    onDelivered: hooks(ctx),
    /** Outbox refusal hook: a 7207/3505 code the center has sold elsewhere is remembered (R-TRACE-ONCE). */
    onRefused: centerRefusedCodeHook(deps.db, deps.now),
  };
}

export type SettlementArea = ReturnType<typeof createSettlementArea>;
