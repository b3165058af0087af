import { createHash, randomUUID } from 'node:crypto';
import { dateOnly } from '../../center/clock';
import type { StockChangeView } from '../../contract/types-stock';
import type { StockReceiveAnswer } from '../../contract/types-store-stock';
import { AppError } from '../../domain/errors';
import {
  type StoreClient,
  StoreRequestError,
  StoreUnreachableError,
} from '../../store-link/store-client';
import type { AuthenticatedSession } from '../auth-service';
import type { Logger } from '../logger';
import { batchView } from './batch-view';
import {
  assertRecordable,
  prepareReceipt,
  type ReceiveInput,
  recordReceipt,
} from './receive-service';
import type { StockContext } from './stock-context';
import { stockUploadView } from './stock-upload-view';

/** Offline the counter cannot receive: the store owns the quantities (D54). */
export const STORE_UNREACHABLE_RECEIVE =
  '门店服务器无法连接：门店模式下各柜台的库存数量由门店服务器统一记账，进货须先在门店登记，本柜台不能单独入库。本次未记录任何内容，请恢复连接后再收货';

export interface StoreReceiveInput extends ReceiveInput {
  /** The same key for every attempt at one receipt, so a retry is recorded once (D54). */
  receiptKey?: string | undefined;
}

/**
 * 进货 at a counter of a store (issue 17, D54): the counter's own checks first, then the store
 * server records the batch (it checks the supplier's licence again on its own day, R-SUPPLY),
 * and only then does the counter record its copy — the receipt, its packs' codes and its 3503,
 * exactly as a single counter does, so one 3503 per receipt leaves from the receiving counter.
 * The receipt's key is the store's idempotency key and is unique in the counter's receipts: a
 * retry is answered with the store's first answer and recorded at the counter once.
 */
export function receiveThroughStore(ctx: StockContext, link: StoreClient, log: Logger) {
  return async (session: AuthenticatedSession, i: StoreReceiveInput): Promise<StockChangeView> => {
    const prepared = prepareReceipt(ctx, i);
    const receipt = {
      medListCodg: i.medListCodg,
      batchNo: i.batchNo,
      expiry: i.expiry,
      packs: i.packs,
      supplier: {
        name: prepared.supplier.name,
        licenceNo: prepared.supplier.licenceNo,
        licenceValidUntil: prepared.supplier.licenceValidUntil,
        active: prepared.supplier.active,
      },
      receivedBy: session.staff.username,
    };
    const key = storeKeyOf(i.receiptKey ?? randomUUID(), receipt);
    const already = recordedUnder(ctx, key);
    if (already) return already;
    assertRecordable(ctx, i, prepared);
    const answer = await askStore(link, log, { idempotencyKey: key, ...receipt });
    if (answer.verdict === 'refused') {
      throw new AppError('POLICY', answer.refusal.message, { ruleId: answer.refusal.ruleId });
    }
    try {
      return recordReceipt(ctx, session, i, prepared, key);
    } catch (e) {
      // Two attempts of one receipt at once: the other one recorded it.
      const recorded = recordedUnder(ctx, key);
      if (recorded) return recorded;
      log.error(
        `门店已登记进货（批号 ${i.batchNo}，${i.packs} 盒），本柜台记录失败：${(e as Error).message}；以同一进货单重试即可补记`,
      );
      throw e;
    }
  };
}

/**
 * The store's key of one receipt: the screen's key and what the store is told of it. The store
 * keeps a refusal's answer under its key, so a receipt corrected after a refusal (another
 * supplier, a renewed licence, another quantity) is a new request, while a plain retry is not.
 */
function storeKeyOf(receiptKey: string, receipt: object): string {
  const digest = createHash('sha256').update(JSON.stringify(receipt)).digest('hex');
  return `receipt-${receiptKey}-${digest.slice(0, 16)}`;
}

async function askStore(
  link: StoreClient,
  log: Logger,
  input: Parameters<typeof link.call<'stock.receive'>>[1],
): Promise<StockReceiveAnswer> {
  try {
    return await link.call('stock.receive', input);
  } catch (e) {
    log.warn(`门店服务器未能登记进货：${(e as Error).message}`);
    if (e instanceof StoreRequestError) {
      throw new AppError(
        'CONFLICT',
        `门店服务器拒绝了本柜台的请求（${e.message}），本次进货未记录；请联系管理员核对柜台登记与电脑时间`,
        { ruleId: 'R-STOCK' },
      );
    }
    if (e instanceof StoreUnreachableError) {
      throw new AppError('CONFLICT', STORE_UNREACHABLE_RECEIVE, { ruleId: 'R-STOCK' });
    }
    throw e;
  }
}

/** The counter's copy of a receipt already recorded under this key, as its first answer showed it. */
function recordedUnder(ctx: StockContext, key: string): StockChangeView | undefined {
  const receipt = ctx.receipts.byStoreKey(key);
  if (!receipt) return undefined;
  const batch = ctx.movements.batch(receipt.batchId);
  const upload = ctx.movements.purchaseUploadAt(receipt.batchId, receipt.receivedAt);
  if (!batch || !upload) throw new Error(`receipt ${key} lost its batch or its 3503`);
  return {
    ...batchView(ctx.catalog, batch, dateOnly(ctx.now())),
    upload: stockUploadView(ctx, upload),
  };
}
