import type { StoreStockLevelsView } from '../../contract/types-stock';
import { AppError } from '../../domain/errors';
import { formatBeijingDateTime } from '../../domain/policy/beijing-time';
import type { SettingsRepository } from '../../store/settings-repository';
import { type StoreClient, StoreRequestError } from '../../store-link/store-client';
import type { Logger } from '../logger';

/** The settings key of the last copy: it survives a restart of the counter (D54). */
export const STORE_LEVELS_COPY_KEY = 'store.stockLevels';

type LastCopy = Pick<StoreStockLevelsView, 'asOf' | 'batches'>;

function storedCopy(settings: SettingsRepository): LastCopy | null {
  const c = settings.get<LastCopy>(STORE_LEVELS_COPY_KEY);
  return c && typeof c.asOf === 'number' && Array.isArray(c.batches) ? c : null;
}

export const SINGLE_COUNTER_STORE_LEVELS =
  '单柜台模式：没有门店服务器，库存即本机库存（见库存列表）';
export const STORE_UNREACHABLE_NO_COPY =
  '门店服务器无法连接，本柜台尚无门店库存的副本；恢复连接后再查看';

/**
 * The pharmacy's stock for a counter of a store (D49): read from the store server, and kept as
 * this counter's last copy in its own SQLite (a settings value, D54), with the time it was read;
 * while the store is unreachable the copy is shown, marked with that time — never as the current
 * truth, also after the counter was restarted.
 */
export function createStoreLevels(
  link: StoreClient | null,
  log: Logger,
  settings: SettingsRepository,
) {
  return async function storeLevels(): Promise<StoreStockLevelsView> {
    if (!link) throw new AppError('CONFLICT', SINGLE_COUNTER_STORE_LEVELS);
    try {
      const r = await link.call('stock.levels', { medListCodgs: null });
      settings.set(STORE_LEVELS_COPY_KEY, { asOf: r.at, batches: r.batches } satisfies LastCopy);
      return {
        source: 'store',
        asOf: r.at,
        batches: r.batches,
        note: `门店库存（门店服务器，${formatBeijingDateTime(new Date(r.at))}）`,
      };
    } catch (e) {
      log.warn(`门店库存读取失败：${(e as Error).message}`);
      if (e instanceof StoreRequestError) {
        throw new AppError('CONFLICT', `门店服务器拒绝了本柜台的请求（${e.message}）`);
      }
      const lastCopy = storedCopy(settings);
      if (!lastCopy) throw new AppError('CONFLICT', STORE_UNREACHABLE_NO_COPY);
      return {
        ...lastCopy,
        source: 'lastCopy',
        note: `离线副本（${formatBeijingDateTime(new Date(lastCopy.asOf))} 读取）：门店服务器无法连接，以下数量可能已变化`,
      };
    }
  };
}
