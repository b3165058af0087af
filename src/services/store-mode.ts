import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensurePrivateFolder, PRIVATE_FILE_MODE } from '../store/private-files';
import { createStoreClient, type StoreClient } from '../store-link/store-client';
import type { AppConfig } from './config';

/**
 * Which kind of counter this is (docs/store-server.md, "Counters in store mode"):
 *   single counter (default): embedded SQLite, no store server — exactly as before issue 17;
 *   counter of a store: pack codes are reserved and sold through the pharmacy's store server.
 * Chosen in the first-run wizard and recorded in the data folder (<data>/store/store-link.json,
 * like the center mode, D32); the environment overrides it, all three or none:
 *   EPC_STORE_URL      http://host:port of the store server
 *   EPC_STORE_COUNTER  this counter's id as registered at the store server (STORE_COUNTERS)
 *   EPC_STORE_SECRET   its secret (at least 32 characters)
 */
export type StoreMode =
  | { mode: 'single' }
  | { mode: 'counter'; url: string; counterId: string; secret: string };

const ENV_LABELS = {
  url: 'EPC_STORE_URL',
  counterId: 'EPC_STORE_COUNTER',
  secret: 'EPC_STORE_SECRET',
} as const;
export const FIELD_LABELS = {
  url: '门店服务器地址',
  counterId: '柜台号',
  secret: '柜台密钥',
} as const;

/** A counter of a store's three settings, checked; the messages name the fields by `labels`. */
export function parseStoreLink(
  i: { url: string; counterId: string; secret: string },
  labels: Record<'url' | 'counterId' | 'secret', string> = FIELD_LABELS,
): StoreMode {
  const url = i.url.trim().replace(/\/+$/, '');
  const counterId = i.counterId.trim();
  if (!/^https?:\/\/[^\s/]+$/.test(url)) {
    throw new Error(`门店模式配置有误：${labels.url} 须为 http://主机:端口`);
  }
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(counterId)) {
    throw new Error(`门店模式配置有误：${labels.counterId} 须为门店服务器登记的柜台号`);
  }
  if (i.secret.length < 32) {
    throw new Error(`门店模式配置有误：${labels.secret} 至少 32 个字符`);
  }
  return { mode: 'counter', url, counterId, secret: i.secret };
}

/** The environment's choice, or undefined when none of the three variables is set. */
export function storeModeFromEnvIfSet(env: NodeJS.ProcessEnv): StoreMode | undefined {
  const url = env.EPC_STORE_URL?.trim() ?? '';
  const counterId = env.EPC_STORE_COUNTER?.trim() ?? '';
  const secret = env.EPC_STORE_SECRET ?? '';
  if (!url && !counterId && !secret) return undefined;
  return parseStoreLink({ url, counterId, secret }, ENV_LABELS);
}

export function storeModeFromEnv(env: NodeJS.ProcessEnv): StoreMode {
  return storeModeFromEnvIfSet(env) ?? { mode: 'single' };
}

const storeLinkFileOf = (dataDir: string) => path.join(dataDir, 'store', 'store-link.json');

/** What the set-up wizard recorded in the data folder; null when it recorded nothing. */
export function storedStoreMode(dataDir: string): StoreMode | null {
  const file = storeLinkFileOf(dataDir);
  if (!existsSync(file)) return null;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  if (raw.mode === 'single') return { mode: 'single' };
  return parseStoreLink({
    url: raw.url ?? '',
    counterId: raw.counterId ?? '',
    secret: raw.secret ?? '',
  });
}

/** Records the wizard's choice, owner-only (the secret is in it; it is never shown again). */
export function writeStoreMode(dataDir: string, mode: StoreMode): void {
  ensurePrivateFolder(path.dirname(storeLinkFileOf(dataDir)));
  writeFileSync(storeLinkFileOf(dataDir), `${JSON.stringify(mode)}\n`, {
    mode: PRIVATE_FILE_MODE,
  });
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
