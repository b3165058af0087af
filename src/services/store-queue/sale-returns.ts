import type { Db } from '../../store/database';
import { SettingsRepository } from '../../store/settings-repository';

/** A return of a sale that no dispensing backs (a refunded 自费结算, D52). */
export interface SaleReturn {
  key: string;
  saleRef: string;
  codes: string[];
  at: number;
}

const KEY = 'store.saleReturns';

/**
 * The store queue's returns of sales without a dispensing, kept in the counter's settings (one
 * small JSON list, as the roster's pending changes, D50): migration 029's `store_queue` names a
 * dispensing for every return, and changing that needs a migration. Written in the refund's own
 * transaction; an entry leaves only once the store has answered its key.
 */
export function saleReturnsOf(db: Db) {
  const settings = new SettingsRepository(db);
  const read = (): SaleReturn[] => settings.get<SaleReturn[]>(KEY) ?? [];
  return {
    pending: read,
    add(r: SaleReturn): void {
      settings.set(KEY, [...read(), r]);
    },
    done(key: string): void {
      settings.set(
        KEY,
        read().filter((r) => r.key !== key),
      );
    },
  };
}
