import { randomUUID } from 'node:crypto';
import type { StockTaken } from '../../contract/types-store-stock';
import { AppError } from '../../domain/errors';
import { packKey, parseScannedCode } from '../../domain/trace/parse-scanned-code';
import {
  type StoreClient,
  StoreRequestError,
  StoreUnreachableError,
} from '../../store-link/store-client';
import type { AuthenticatedSession } from '../auth-service';
import type { Logger } from '../logger';
import { storeShortOfStock } from '../stock/store-shortage';
import type { StoreQueue } from '../store-queue/store-queue';
import type { PrescribedSale, SelfPayItem, WithinSale } from './self-pay-service';

/** A prescription's sale (门特, 自费结算 of an e-prescription) is not an OTC cash sale: never offline (D42, D52). */
export const STORE_UNREACHABLE_RX_SALE =
  '门店服务器无法连接：追溯码未能在门店登记为已售，为防止同一盒药品在两个柜台重复销售，处方药品暂不能销售（离线只允许非处方药自费零售）。请检查网络或联系管理员，恢复连接后再售';

export const STORE_UNREACHABLE_SELF_PAY =
  '门店服务器无法连接：追溯码未能在门店登记为已售，为防止同一盒药品在两个柜台重复销售，暂不能完成自费零售。请检查网络或联系管理员，恢复连接后再售';

/**
 * A counter of a store (issue 17): a self-pay (cash) sale sells its packs at the store server
 * first (one idempotent confirm, every pack or none), then locally; a local refusal (stock,
 * wrong drug) undoes the store's sale. While the store server cannot be reached the sale of
 * goods that need no prescription completes locally (the local rules still refuse a
 * prescription drug, R-GSP-RX, and a code this counter sold, R-TRACE-ONCE); its packs are queued
 * as sold offline and reconciled with the store on reconnect, any clash flagged (D42).
 * A sale against a prescription (门特 claim, 自费结算 of an e-prescription) goes the same way,
 * except that it is refused while the store cannot be reached (D52): D42's offline sale is for
 * goods that need no prescription. `saleRef` names the store's sale when the caller must find it
 * again (a refund returns its packs by it).
 */
export function linkSelfPayToStore(
  sell: (
    session: AuthenticatedSession,
    items: SelfPayItem[],
    prescribed?: PrescribedSale,
    withinSale?: WithinSale | null,
    storeTaken?: readonly StockTaken[],
  ) => number,
  link: StoreClient,
  queue: StoreQueue | null,
  log: Logger,
  now: () => Date,
  nameOf: (medListCodg: string) => string | undefined = () => undefined,
) {
  return async (
    session: AuthenticatedSession,
    items: SelfPayItem[],
    prescribed?: PrescribedSale,
    storeSaleRef?: string,
  ): Promise<number> => {
    const at = now();
    const lines = items.flatMap((i) =>
      i.codes.map((raw) => ({
        code: packKey(parseScannedCode(raw, at)),
        medListCodg: i.medListCodg,
      })),
    );
    // An unreadable code is the local rules' refusal (R-TRACE), before the store is asked.
    if (lines.some((l) => l.code === null)) return sell(session, items, prescribed);
    const saleRef = storeSaleRef ?? `selfpay-${randomUUID()}`;
    const confirmKey = `${saleRef}-confirm-${randomUUID()}`;
    // In code order, as the reconciler resends an unanswered confirm (store-queue.ts).
    lines.sort((a, b) => ((a.code ?? '') < (b.code ?? '') ? -1 : 1));
    let answer: Awaited<ReturnType<typeof link.call<'stock.sell'>>>;
    try {
      // The store's FEFO is the truth in store mode (D53): codes sold and stock taken at once.
      answer = await link.call('stock.sell', {
        idempotencyKey: confirmKey,
        saleRef,
        lines: lines.map((l) => ({
          code: l.code as string,
          medListCodg: l.medListCodg,
          unitsPerPack: null,
          unitsLeft: null,
          reusedUnits: null,
        })),
        // The prescription's claim is settled in the same commit; the sale's return releases it (D57).
        ...(prescribed ? { settlesRx: prescribed.rxno } : {}),
      });
    } catch (e) {
      log.warn(`门店服务器无法登记自费零售：${(e as Error).message}`);
      if (e instanceof StoreUnreachableError && queue && !prescribed) {
        const saleId = sell(
          session,
          items,
          undefined,
          queue.recordOfflineSale(saleRef, confirmKey),
        );
        log.warn(`门店服务器无法连接：自费零售 ${saleId} 已离线完成，追溯码待门店确认`);
        return saleId;
      }
      const message =
        e instanceof StoreRequestError
          ? `门店服务器拒绝了本柜台的请求（${e.message}），暂不能完成自费零售；请联系管理员核对柜台登记与电脑时间`
          : prescribed
            ? STORE_UNREACHABLE_RX_SALE
            : STORE_UNREACHABLE_SELF_PAY;
      throw new AppError('CONFLICT', message, { ruleId: 'R-TRACE-ONCE' });
    }
    if (answer.verdict === 'refused' && answer.refusals.length > 0) {
      throw new AppError(
        'POLICY',
        answer.refusals.map((r) => `追溯码 ${r.code}：${r.message}`).join('；'),
        { ruleId: 'R-TRACE-ONCE' },
      );
    }
    if (answer.verdict === 'refused') {
      const named = items.map((i) => ({
        medListCodg: i.medListCodg,
        genname: nameOf(i.medListCodg) ?? i.medListCodg,
      }));
      throw storeShortOfStock(answer.shortages, named);
    }
    try {
      return sell(session, items, prescribed, null, answer.taken);
    } catch (e) {
      await link
        .call('stock.return', {
          idempotencyKey: `${confirmKey}-undo`,
          saleRef,
          codes: lines.map((l) => l.code as string),
        })
        .catch((u: unknown) => log.error(`门店服务器撤销自费零售失败：${(u as Error).message}`));
      throw e;
    }
  };
}
