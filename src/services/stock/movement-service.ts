import { dateOnly, dateTime } from '../../center/clock';
import type { StockChangeView } from '../../contract/types-stock';
import { AppError } from '../../domain/errors';
import { assertNoScannedCode } from '../../domain/scan/code-shaped-text';
import { SoldCodeRepository } from '../../store/sold-code-repository';
import type { BatchRow } from '../../store/stock-movement-repository';
import type { AuthenticatedSession } from '../auth-service';
import { batchRef, batchView, catalogPrice } from './batch-view';
import { type AdjustReason, invChgType } from './codes';
import { stockPackKeys } from './pack-codes';
import { input3502, input3504 } from './stock-bodies';
import type { StockContext } from './stock-context';
import { queueStockUpload, stockUploadByMsgid } from './stock-upload';

/** Supplier name sent for a batch with no recorded purchase (stock from before receipts). */
const UNKNOWN_SUPPLIER = '未登记供应商';

function mustBatch(ctx: StockContext, batchId: number): BatchRow {
  const b = ctx.movements.batch(batchId);
  if (!b) throw new AppError('NOT_FOUND', `没有库存批次 ${batchId}`);
  return b;
}

function takeable(b: BatchRow, packs: number, what: string): void {
  if (packs > b.packsOnHand) {
    throw new AppError(
      'CONFLICT',
      `批号 ${b.batchNo} 现有 ${b.packsOnHand} 盒，不能${what} ${packs} 盒`,
      { ruleId: 'R-STOCK' },
    );
  }
}

/** Supplier and price of the batch's purchase (its frozen 3503), so the return names them. */
function purchaseOf(ctx: StockContext, b: BatchRow) {
  const body = ctx.movements.purchaseBody(b.id);
  const p = body
    ? ((JSON.parse(body) as { input?: { purcinfo?: Record<string, unknown> } }).input?.purcinfo ??
      {})
    : {};
  return {
    supplierName: typeof p.spler_name === 'string' ? p.spler_name : UNKNOWN_SUPPLIER,
    supplierPermitNo: typeof p.spler_pmtno === 'string' ? p.spler_pmtno : undefined,
    unitPrice:
      typeof p.finl_trns_pric === 'number'
        ? p.finl_trns_pric
        : catalogPrice(ctx.catalog, b.medListCodg),
  };
}

function changed(ctx: StockContext, batchId: number, msgid: string): StockChangeView {
  const b = mustBatch(ctx, batchId);
  return {
    ...batchView(ctx.catalog, b, dateOnly(ctx.now())),
    upload: stockUploadByMsgid(ctx, msgid),
  };
}

/** The scanned packs must be packs of this batch on hand; they leave the stock as returned. */
function sendBackCodes(ctx: StockContext, b: BatchRow, keys: readonly string[], at: number): void {
  const onHand = new Set(ctx.receipts.codesOnHand(b.id));
  const stranger = keys.find((k) => !onHand.has(k));
  if (stranger) {
    throw new AppError(
      'POLICY',
      `追溯码 ${stranger} 不是批号 ${b.batchNo} 在库的包装（未从该批入库、已售出或已退货），不能退货`,
      { ruleId: 'R-STOCK' },
    );
  }
  ctx.receipts.markReturned(b.id, keys, at);
}

/**
 * stock.returnToSupplier (退货, R-STOCK): packs leave the batch with their codes and a 3504 naming
 * them is queued, together.
 */
export function returnToSupplier(
  ctx: StockContext,
  session: AuthenticatedSession,
  i: { batchId: number; packs: number; reason: string; codes: string[] },
): StockChangeView {
  const at = ctx.now();
  assertNoScannedCode('退货原因', i.reason, 'R-STOCK', at);
  const msgid = ctx.db
    .transaction(() => {
      const b = mustBatch(ctx, i.batchId);
      takeable(b, i.packs, '退货');
      const item = ctx.catalog.get(b.medListCodg);
      if (!item) throw new AppError('VALIDATION', `药品目录中没有编码 ${b.medListCodg}`);
      const keys = stockPackKeys(ctx.products, item, i.codes, i.packs, '退货', at);
      sendBackCodes(ctx, b, keys, at.getTime());
      ctx.movements.remove(b.id, i.packs);
      const input = input3504(
        batchRef(ctx.catalog, b),
        { ...purchaseOf(ctx, b), reason: i.reason },
        keys,
        i.packs,
        dateTime(at),
        session.staff.displayName,
      );
      return queueStockUpload(ctx, session, b.id, '3504', input, at.getTime());
    })
    .immediate();
  return changed(ctx, i.batchId, msgid);
}

/**
 * The packs a loss or shortage takes out of the batch, one code each (R-STOCK): packs of this
 * item, never sold, not lost before, and — where the batch's codes were recorded on receiving —
 * packs of this batch on hand, which then leave it. A batch received before codes were recorded
 * (D40) has no list to check against; the codes still go on the 3502, so they can never be sold.
 */
function lostPackKeys(
  ctx: StockContext,
  b: BatchRow,
  raws: readonly string[],
  packs: number,
  reason: AdjustReason,
  at: Date,
): string[] {
  const item = ctx.catalog.get(b.medListCodg);
  if (!item) throw new AppError('VALIDATION', `药品目录中没有编码 ${b.medListCodg}`);
  const keys = stockPackKeys(ctx.products, item, raws, packs, reason, at);
  const sold = new SoldCodeRepository(ctx.db);
  for (const k of keys) {
    if (sold.find(k)?.returnedAt === null) {
      throw new AppError('POLICY', `追溯码 ${k} 的包装已售出，不在库存中，不能${reason}`, {
        ruleId: 'R-TRACE-ONCE',
      });
    }
    const lost = ctx.movements.lostPack(k);
    if (lost) {
      throw new AppError(
        'CONFLICT',
        `追溯码 ${k} 的包装已于 ${dateTime(new Date(lost.at))} 报损出库`,
        {
          ruleId: 'R-STOCK',
        },
      );
    }
  }
  const onHand = new Set(ctx.receipts.codesOnHand(b.id));
  if (onHand.size === 0) return keys;
  const stranger = keys.find((k) => !onHand.has(k));
  if (stranger) {
    throw new AppError(
      'POLICY',
      `追溯码 ${stranger} 不是批号 ${b.batchNo} 在库的包装（未从该批入库、已售出或已出库），不能${reason}`,
      { ruleId: 'R-STOCK' },
    );
  }
  ctx.receipts.markReturned(b.id, keys, at.getTime());
  return keys;
}

/**
 * stock.adjust (报损/报溢/盘点差异, R-STOCK): the batch changes and a 3502 is queued, together; packs
 * leaving are named by their codes (one per pack), which can never be sold afterwards.
 */
export function adjustStock(
  ctx: StockContext,
  session: AuthenticatedSession,
  i: {
    batchId: number;
    deltaPacks: number;
    reason: AdjustReason;
    memo?: string | undefined;
    codes?: string[] | undefined;
  },
): StockChangeView {
  const type = invChgType(i.reason, i.deltaPacks);
  if (!type) {
    const want = i.reason === '报损' ? '减少' : '增加';
    throw new AppError('VALIDATION', `${i.reason}应${want}库存，请核对数量的正负`, {
      ruleId: 'R-STOCK',
    });
  }
  const at = ctx.now();
  if (i.memo) assertNoScannedCode('调整说明', i.memo, 'R-STOCK', at);
  const packs = Math.abs(i.deltaPacks);
  const msgid = ctx.db
    .transaction(() => {
      const b = mustBatch(ctx, i.batchId);
      let keys: string[] = [];
      if (i.deltaPacks < 0) {
        takeable(b, packs, i.reason);
        keys = lostPackKeys(ctx, b, i.codes ?? [], packs, i.reason, at);
        ctx.movements.remove(b.id, packs);
      } else {
        if (i.codes?.length) {
          throw new AppError(
            'VALIDATION',
            `${i.reason}增加库存时不扫追溯码；入库的包装请走进货入库`,
            {
              ruleId: 'R-STOCK',
            },
          );
        }
        ctx.movements.add(b.id, packs);
      }
      const input = input3502(
        batchRef(ctx.catalog, b),
        {
          invChgType: type,
          unitPrice: catalogPrice(ctx.catalog, b.medListCodg),
          packs,
          memo: i.memo ? `${i.reason}：${i.memo}` : i.reason,
          codes: keys,
        },
        dateTime(at),
        session.staff.displayName,
      );
      return queueStockUpload(ctx, session, b.id, '3502', input, at.getTime());
    })
    .immediate();
  return changed(ctx, i.batchId, msgid);
}
