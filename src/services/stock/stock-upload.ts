import type { TransactionInput } from '../../center/transactions';
import type { StockUploadView } from '../../contract/types-stock';
import type { AuthenticatedSession } from '../auth-service';
import { enqueueUpload } from '../settlement/upload-queue';
import type { StockContext } from './stock-context';
import { stockUploadView } from './stock-upload-view';

/**
 * Queues one stock upload linked to its batch. Call inside the transaction of the local change
 * it reports (R-STOCK): both commit, or neither. Ordered by batch (transactions/stock-batch.ts).
 */
export function queueStockUpload<K extends '3502' | '3503' | '3504'>(
  ctx: StockContext,
  session: AuthenticatedSession,
  batchId: number,
  infno: K,
  input: TransactionInput<K>,
  at: number,
): string {
  return enqueueUpload(
    ctx,
    { batchId, stock: true },
    {
      infno,
      input,
      opter: session.staff.username,
      opterName: session.staff.displayName,
      signNo: session.signNo,
    },
    { batchId },
    at,
  );
}

export function stockUploadByMsgid(ctx: StockContext, msgid: string): StockUploadView {
  const row = ctx.movements.upload(msgid);
  if (!row) throw new Error(`stock upload ${msgid} vanished`);
  return stockUploadView(ctx, row);
}
