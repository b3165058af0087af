import { dateOnly, dateTime } from '../../center/clock';
import type { StockChangeView } from '../../contract/types-stock';
import { AppError } from '../../domain/errors';
import { BatchExpiryMismatch } from '../../store/stock-repository';
import type { AuthenticatedSession } from '../auth-service';
import { batchRef, batchView, catalogPrice } from './batch-view';
import { input3503 } from './stock-bodies';
import type { StockContext } from './stock-context';
import { queueStockUpload, stockUploadByMsgid } from './stock-upload';

export interface ReceiveInput {
  medListCodg: string;
  batchNo: string;
  expiry: string;
  packs: number;
  supplierName?: string | undefined;
  supplierPermitNo?: string | undefined;
  invoiceNo?: string | undefined;
  deliveryNo?: string | undefined;
  manufactureDate?: string | undefined;
  unitPrice?: number | undefined;
}

/** Supplier name sent when the caller gave none (older callers of stock.receive). */
export const UNKNOWN_SUPPLIER = '未登记供应商';

/** stock.receive (进货, R-STOCK): the batch and its 3503 in one transaction. */
export function receiveStock(
  ctx: StockContext,
  session: AuthenticatedSession,
  i: ReceiveInput,
): StockChangeView {
  const drug = ctx.catalog.get(i.medListCodg);
  if (!drug) throw new AppError('VALIDATION', `药品目录中没有编码 ${i.medListCodg}，不能入库`);
  const at = ctx.now();
  const today = dateOnly(at);
  if (i.expiry < today)
    throw new AppError('POLICY', `批号 ${i.batchNo} 已过期，不能入库`, { ruleId: 'R-SUPPLY' });
  const manufactureDate = i.manufactureDate ?? today;
  if (manufactureDate > today || manufactureDate >= i.expiry) {
    throw new AppError('VALIDATION', '生产日期应不晚于今天且早于有效期', { ruleId: 'R-STOCK' });
  }
  const msgid = ctx.db
    .transaction(() => {
      let batch: ReturnType<typeof ctx.batches.receive>;
      try {
        batch = ctx.batches.receive({
          medListCodg: i.medListCodg,
          batchNo: i.batchNo,
          expiry: i.expiry,
          packs: i.packs,
          receivedBy: session.staff.id,
          receivedAt: at.getTime(),
        });
      } catch (err) {
        if (err instanceof BatchExpiryMismatch) {
          throw new AppError('CONFLICT', `批号 ${i.batchNo} 已按另一有效期入库，请核对有效期`);
        }
        throw err;
      }
      const input = input3503(
        batchRef(ctx.catalog, batch),
        {
          supplierName: i.supplierName || UNKNOWN_SUPPLIER,
          supplierPermitNo: i.supplierPermitNo,
          invoiceNo: i.invoiceNo,
          deliveryNo: i.deliveryNo,
          manufactureDate,
          unitPrice: i.unitPrice ?? catalogPrice(ctx.catalog, i.medListCodg),
          prodentpName: drug.prdrName,
          aprvno: drug.aprvno,
        },
        i.packs,
        dateTime(at),
        session.staff.displayName,
      );
      return {
        id: batch.id,
        msgid: queueStockUpload(ctx, session, batch.id, '3503', input, at.getTime()),
      };
    })
    .immediate();
  const batch = ctx.movements.batch(msgid.id);
  if (!batch) throw new Error(`stock batch ${msgid.id} vanished`);
  return { ...batchView(ctx.catalog, batch, today), upload: stockUploadByMsgid(ctx, msgid.msgid) };
}
