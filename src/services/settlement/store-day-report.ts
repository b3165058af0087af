import type { StoreDayReport } from '../../contract/types-store-settlements';
import { AppError } from '../../domain/errors';
import { type StoreClient, StoreRequestError } from '../../store-link/store-client';
import type { Logger } from '../logger';

export const SINGLE_COUNTER_DAY_REPORT =
  '单柜台模式：没有门店服务器，门店日报即本机的结算日报（报表“结算日报”）';
export const STORE_UNREACHABLE_DAY_REPORT =
  '门店服务器无法连接，暂不能读取门店日报；本柜台的结算日报仍可在报表中查看';

/** The store-wide day report (issue 17): every counter's settlements, as the store server keeps them. */
export async function storeDayReport(
  link: StoreClient | null,
  log: Logger,
  day: string,
): Promise<StoreDayReport> {
  if (!link) throw new AppError('CONFLICT', SINGLE_COUNTER_DAY_REPORT);
  try {
    return await link.call('settlements.dayReport', { day });
  } catch (e) {
    log.warn(`门店日报读取失败：${(e as Error).message}`);
    throw new AppError(
      'CONFLICT',
      e instanceof StoreRequestError
        ? `门店服务器拒绝了本柜台的请求（${e.message}）`
        : STORE_UNREACHABLE_DAY_REPORT,
    );
  }
}
