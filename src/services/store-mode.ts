import { createStoreClient, type StoreClient } from '../store-link/store-client';
import type { AppConfig } from './config';

/**
 * Which kind of counter this is (docs/store-server.md, "Counters in store mode"):
 *   single counter (default): embedded SQLite, no store server — exactly as before issue 17;
 *   counter of a store: pack codes are reserved and sold through the pharmacy's store server.
 * For now from the environment, all three or none:
 *   EPC_STORE_URL      http://host:port of the store server
 *   EPC_STORE_COUNTER  this counter's id as registered at the store server (STORE_COUNTERS)
 *   EPC_STORE_SECRET   its secret (at least 32 characters)
 */
export type StoreMode =
  | { mode: 'single' }
  | { mode: 'counter'; url: string; counterId: string; secret: string };

export function storeModeFromEnv(env: NodeJS.ProcessEnv): StoreMode {
  const url = env.EPC_STORE_URL?.trim() ?? '';
  const counterId = env.EPC_STORE_COUNTER?.trim() ?? '';
  const secret = env.EPC_STORE_SECRET ?? '';
  if (!url && !counterId && !secret) return { mode: 'single' };
  if (!/^https?:\/\/[^\s/]+$/.test(url.replace(/\/+$/, ''))) {
    throw new Error('门店模式配置有误：EPC_STORE_URL 须为 http://主机:端口');
  }
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(counterId)) {
    throw new Error('门店模式配置有误：EPC_STORE_COUNTER 须为门店服务器登记的柜台号');
  }
  if (secret.length < 32) {
    throw new Error('门店模式配置有误：EPC_STORE_SECRET 至少 32 个字符');
  }
  return { mode: 'counter', url: url.replace(/\/+$/, ''), counterId, secret };
}

/** The store server's client of a counter of a store; null for a single counter. */
export function storeLinkOf(config: AppConfig): StoreClient | null {
  const s = config.store;
  if (s.mode !== 'counter') return null;
  return createStoreClient({
    url: s.url,
    institution: config.pharmacy.code,
    counterId: s.counterId,
    secret: s.secret,
  });
}
