import { dateTime } from '../../center/clock';
import type { StoreOnDutyView } from '../../contract/types-review';
import { AppError } from '../../domain/errors';
import { type StoreClient, StoreRequestError } from '../../store-link/store-client';
import type { Logger } from '../logger';

export const SINGLE_COUNTER_ON_DUTY = '单柜台模式：没有门店服务器，在岗药师即本柜台的上岗记录';
export const STORE_UNREACHABLE_ON_DUTY =
  '门店服务器无法连接，暂不能读取门店在岗药师；本柜台的上岗记录仍可查看';

/** Who is on duty at which counter of the store (R-PHARMACIST), read from the store server. */
export async function storeOnDuty(link: StoreClient, log: Logger): Promise<StoreOnDutyView> {
  try {
    const { shifts } = await link.call('shifts.onDuty', {});
    const counters = new Map<string, Set<string>>();
    for (const s of shifts) {
      const at = counters.get(s.username) ?? new Set<string>();
      at.add(s.counterId);
      counters.set(s.username, at);
    }
    return {
      shifts: shifts.map((s) => ({
        counterId: s.counterId,
        pharmacistName: s.displayName,
        pharmacistCode: s.pharmacistCode,
        openedAt: dateTime(new Date(s.openedAt)),
        atCounters: counters.get(s.username)?.size ?? 1,
      })),
      message:
        shifts.length > 0
          ? `门店在岗执业药师：${shifts.map((s) => `柜台 ${s.counterId} ${s.displayName}`).join('、')}`
          : '门店当前无执业药师在岗',
    };
  } catch (e) {
    log.warn(`门店在岗药师读取失败：${(e as Error).message}`);
    throw new AppError(
      'CONFLICT',
      e instanceof StoreRequestError
        ? `门店服务器拒绝了本柜台的请求（${e.message}）`
        : STORE_UNREACHABLE_ON_DUTY,
    );
  }
}
