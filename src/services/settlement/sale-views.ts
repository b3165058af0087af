import { dateOnly, dateTime } from '../../center/clock';
import type {
  SaleUploadsView,
  SelfPaySaleView,
  StocktakeView,
} from '../../contract/types-settlement';
import { catalogRxFlag } from '../../domain/catalog/rx-class';
import { AppError } from '../../domain/errors';
import { money } from '../../domain/money';
import { isTraced } from '../../domain/stock/traced-goods';
import { UNTRACED_BATCH, UNTRACED_FIELD } from '../../domain/stock/untraced-batch';
import { StockReceiptRepository } from '../../store/stock-receipt-repository';
import type { AuthenticatedSession } from '../auth-service';
import { drugtracinfo } from '../stock/pack-codes';
import type { SettlementContext } from './context';
import { enqueueUpload } from './upload-queue';
import { uploadView } from './upload-view';

export function selfPaySaleView(ctx: SettlementContext, saleId: number): SelfPaySaleView {
  const sale = ctx.selfPay.get(saleId);
  if (!sale) throw new AppError('NOT_FOUND', `没有销售单 ${saleId}`);
  const rx = ctx.rxSelfPay.ofSale(saleId);
  return {
    saleId,
    rxSelfPay: rx
      ? { hiRxno: rx.hiRxno, refunded: rx.refundedAt !== null, refundReason: rx.refundReason }
      : null,
    soldAt: dateTime(new Date(sale.soldAt)),
    staffName: sale.staffName,
    lines: ctx.selfPay.lines(saleId).map((l) => ({
      medListCodg: l.medListCodg,
      name: l.name,
      packs: l.packs,
      price: money(l.priceFen),
      total: money(l.packs * l.priceFen),
      codes: l.codes,
    })),
    total: money(sale.totalFen),
    uploads: ctx.uploads.forSale(saleId).map((u) => uploadView(ctx, u)),
  };
}

/** uploads.forSale (R-SALES-UP, R-STOCK): every outbox item of a settlement or a self-pay sale. */
export function uploadsForSale(
  ctx: SettlementContext,
  of: { settlementId: number } | { saleId: number },
): SaleUploadsView {
  const settlement = 'settlementId' in of;
  const id = settlement ? of.settlementId : of.saleId;
  const exists = settlement ? ctx.settlements.get(id) : ctx.selfPay.get(id);
  if (!exists)
    throw new AppError('NOT_FOUND', settlement ? `没有结算记录 ${id}` : `没有销售单 ${id}`);
  const rows = settlement ? ctx.uploads.forSettlement(id) : ctx.uploads.forSale(id);
  const uploads = rows.map((u) => uploadView(ctx, u));
  return {
    kind: settlement ? 'settlement' : 'selfPay',
    id,
    uploads,
    allDelivered: uploads.every((u) => u.state === 'delivered'),
    needsAttention: uploads.some((u) => u.state === 'parked'),
  };
}

/** stock.stocktake (R-STOCK): one 3501 with every batch on hand and its packs' codes, queued. */
export function stocktake(ctx: SettlementContext, session: AuthenticatedSession): StocktakeView {
  const at = ctx.now();
  const batches = ctx.stock.all().filter((b) => b.packsOnHand > 0);
  if (batches.length === 0) throw new AppError('CONFLICT', '当前没有库存，无需盘存上传');
  const receipts = new StockReceiptRepository(ctx.db);
  const codesOf = new Map(batches.map((b) => [b.id, receipts.codesOnHand(b.id)]));
  const untraced = batches.filter((b) => {
    const item = ctx.catalog.get(b.medListCodg);
    return item !== undefined && isTraced(item) && codesOf.get(b.id)?.length === 0;
  });
  const msgid = ctx.db
    .transaction(() =>
      enqueueUpload(
        ctx,
        { batchId: null, stock: true },
        {
          infno: '3501',
          input: {
            invinfo: batches.map((b) => ({
              med_list_codg: b.medListCodg,
              fixmedins_hilist_id: b.medListCodg,
              fixmedins_hilist_name: ctx.catalog.get(b.medListCodg)?.genname ?? b.medListCodg,
              fixmedins_bchno: b.batchNo,
              rx_flag: catalogRxFlag(ctx.catalog, b.medListCodg),
              invdate: dateOnly(at),
              inv_cnt: b.packsOnHand,
              manu_lotnum: b.batchNo,
              expy_end: b.expiry,
              drugtracinfo: drugtracinfo(codesOf.get(b.id) ?? []),
              ...(untraced.includes(b) ? { [UNTRACED_FIELD]: UNTRACED_BATCH } : {}),
            })),
          },
          opter: session.staff.username,
          opterName: session.staff.displayName,
          signNo: session.signNo,
        },
        undefined,
        at.getTime(),
      ),
    )
    .immediate();
  return {
    msgid,
    batches: batches.length,
    state: uploadView(ctx, { infno: '3501', msgid }).state,
    untraced: untraced.map((b) => ({
      batchId: b.id,
      batchNo: b.batchNo,
      genname: ctx.catalog.get(b.medListCodg)?.genname ?? b.medListCodg,
      packsOnHand: b.packsOnHand,
    })),
  };
}
