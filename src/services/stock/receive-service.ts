import { dateOnly, dateTime } from '../../center/clock';
import type { StockChangeView } from '../../contract/types-stock';
import { AppError } from '../../domain/errors';
import { assertNoScannedCode } from '../../domain/scan/code-shaped-text';
import { type ColdChainRecord, coldChainRecordFor } from '../../domain/stock/cold-chain';
import { assertSupplierMayDeliver } from '../../domain/stock/supplier-licence';
import { BatchExpiryMismatch } from '../../store/stock-repository';
import type { Supplier } from '../../store/supplier-repository';
import type { AuthenticatedSession } from '../auth-service';
import { batchRef, batchView, catalogPrice } from './batch-view';
import { stockPackKeys } from './pack-codes';
import { input3503 } from './stock-bodies';
import type { StockContext } from './stock-context';
import { queueStockUpload, stockUploadByMsgid } from './stock-upload';

export interface ReceiveInput {
  medListCodg: string;
  batchNo: string;
  expiry: string;
  packs: number;
  /** A supplier of the managed list (stock.suppliers) with a valid licence (R-SUPPLY). */
  supplierId: number;
  /** One traceability code per pack as scanned (R-STOCK); may be empty for goods not traced. */
  codes: string[];
  /** Required for a cold-chain drug (R-SUPPLY). */
  coldChain?: ColdChainRecord | undefined;
  invoiceNo?: string | undefined;
  deliveryNo?: string | undefined;
  manufactureDate?: string | undefined;
  unitPrice?: number | undefined;
}

/** A receipt checked against the counter's own rules, ready to be recorded. */
export interface PreparedReceipt {
  at: Date;
  today: string;
  manufactureDate: string;
  supplier: Supplier;
  coldChain: ReturnType<typeof coldChainRecordFor>;
  keys: string[];
  prdrName: string;
  aprvno: string;
}

/** The counter's checks of a receipt (catalog, expiry, supplier licence, cold chain, pack codes). */
export function prepareReceipt(ctx: StockContext, i: ReceiveInput): PreparedReceipt {
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
  const supplier = ctx.suppliers.get(i.supplierId);
  assertSupplierMayDeliver(supplier, today);
  if (i.coldChain) assertNoScannedCode('存放位置', i.coldChain.storagePlace, 'R-SUPPLY', at);
  const coldChain = coldChainRecordFor(drug, i.coldChain);
  const keys = stockPackKeys(ctx.products, drug, i.codes, i.packs, '入库', at);
  return {
    at,
    today,
    manufactureDate,
    supplier,
    coldChain,
    keys,
    prdrName: drug.prdrName,
    aprvno: drug.aprvno,
  };
}

/** A scanned pack already in stock is refused: one pack, one code (R-TRACE-ONCE). */
export function assertCodesNotInStock(ctx: StockContext, keys: readonly string[]): void {
  for (const k of keys) {
    const holder = ctx.receipts.batchHolding(k);
    if (holder !== undefined) {
      const held = ctx.movements.batch(holder);
      throw new AppError(
        'POLICY',
        `追溯码 ${k} 已在库存中（批号 ${held?.batchNo ?? holder}），同一盒不能重复入库`,
        { ruleId: 'R-TRACE-ONCE' },
      );
    }
  }
}

const expiryMismatch = (batchNo: string) =>
  new AppError('CONFLICT', `批号 ${batchNo} 已按另一有效期入库，请核对有效期`);

/** Read-only: what the recording transaction would refuse, asked before the store is. */
export function assertRecordable(ctx: StockContext, i: ReceiveInput, p: PreparedReceipt): void {
  const known = ctx.batches.find(i.medListCodg, i.batchNo);
  if (known && known.expiry !== i.expiry) throw expiryMismatch(i.batchNo);
  assertCodesNotInStock(ctx, p.keys);
}

/**
 * stock.receive (进货, R-STOCK, R-SUPPLY): the batch, its receipt (supplier, licence, cold-chain
 * record), its packs' codes and its 3503 in one transaction.
 */
export function receiveStock(
  ctx: StockContext,
  session: AuthenticatedSession,
  i: ReceiveInput,
): StockChangeView {
  return recordReceipt(ctx, session, i, prepareReceipt(ctx, i));
}

/** Records a prepared receipt; `storeReceiptKey` names it at the store server (D54). */
export function recordReceipt(
  ctx: StockContext,
  session: AuthenticatedSession,
  i: ReceiveInput,
  p: PreparedReceipt,
  storeReceiptKey?: string,
): StockChangeView {
  const { at, today, supplier, coldChain, keys } = p;
  const done = ctx.db
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
        if (err instanceof BatchExpiryMismatch) throw expiryMismatch(i.batchNo);
        throw err;
      }
      const receiptId = ctx.receipts.add({
        batchId: batch.id,
        supplier,
        receivedOn: today,
        packs: i.packs,
        coldChain,
        receivedBy: session.staff.id,
        receivedAt: at.getTime(),
        storeReceiptKey,
      });
      assertCodesNotInStock(ctx, keys);
      ctx.receipts.addCodes(batch.id, receiptId, keys);
      const input = input3503(
        batchRef(ctx.catalog, batch),
        {
          supplierName: supplier.name,
          supplierPermitNo: supplier.licenceNo,
          invoiceNo: i.invoiceNo,
          deliveryNo: i.deliveryNo,
          manufactureDate: p.manufactureDate,
          unitPrice: i.unitPrice ?? catalogPrice(ctx.catalog, i.medListCodg),
          prodentpName: p.prdrName,
          aprvno: p.aprvno,
          coldChain,
        },
        keys,
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
  const batch = ctx.movements.batch(done.id);
  if (!batch) throw new Error(`stock batch ${done.id} vanished`);
  return { ...batchView(ctx.catalog, batch, today), upload: stockUploadByMsgid(ctx, done.msgid) };
}
