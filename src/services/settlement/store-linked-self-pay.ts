import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors';
import { packKey, parseScannedCode } from '../../domain/trace/parse-scanned-code';
import { type StoreClient, StoreRequestError } from '../../store-link/store-client';
import type { AuthenticatedSession } from '../auth-service';
import type { Logger } from '../logger';
import type { SelfPayItem } from './self-pay-service';

export const STORE_UNREACHABLE_SELF_PAY =
  '门店服务器无法连接：追溯码未能在门店登记为已售，为防止同一盒药品在两个柜台重复销售，暂不能完成自费零售。请检查网络或联系管理员，恢复连接后再售';

/**
 * A counter of a store (issue 17): a self-pay (cash) sale sells its packs at the store server
 * first (one idempotent confirm, every pack or none), then locally; a local refusal (stock,
 * wrong drug) undoes the store's sale.
 */
export function linkSelfPayToStore(
  sell: (session: AuthenticatedSession, items: SelfPayItem[]) => number,
  link: StoreClient,
  log: Logger,
  now: () => Date,
) {
  return async (session: AuthenticatedSession, items: SelfPayItem[]): Promise<number> => {
    const at = now();
    const lines = items.flatMap((i) =>
      i.codes.map((raw) => ({
        code: packKey(parseScannedCode(raw, at)),
        medListCodg: i.medListCodg,
      })),
    );
    // An unreadable code is the local rules' refusal (R-TRACE), before the store is asked.
    if (lines.some((l) => l.code === null)) return sell(session, items);
    const saleRef = `selfpay-${randomUUID()}`;
    let answer: Awaited<ReturnType<typeof link.call<'codes.confirm'>>>;
    try {
      answer = await link.call('codes.confirm', {
        idempotencyKey: `${saleRef}-confirm`,
        saleRef,
        lines: lines.map((l) => ({
          code: l.code as string,
          medListCodg: l.medListCodg,
          unitsPerPack: null,
          unitsLeft: null,
          reusedUnits: null,
        })),
      });
    } catch (e) {
      log.warn(`门店服务器无法登记自费零售：${(e as Error).message}`);
      const message =
        e instanceof StoreRequestError
          ? `门店服务器拒绝了本柜台的请求（${e.message}），暂不能完成自费零售；请联系管理员核对柜台登记与电脑时间`
          : STORE_UNREACHABLE_SELF_PAY;
      throw new AppError('CONFLICT', message, { ruleId: 'R-TRACE-ONCE' });
    }
    if (answer.verdict === 'refused') {
      throw new AppError(
        'POLICY',
        answer.refusals.map((r) => `追溯码 ${r.code}：${r.message}`).join('；'),
        { ruleId: 'R-TRACE-ONCE' },
      );
    }
    try {
      return sell(session, items);
    } catch (e) {
      await link
        .call('codes.return', {
          idempotencyKey: `${saleRef}-undo`,
          saleRef,
          codes: lines.map((l) => l.code as string),
        })
        .catch((u: unknown) => log.error(`门店服务器撤销自费零售失败：${(u as Error).message}`));
      throw e;
    }
  };
}
