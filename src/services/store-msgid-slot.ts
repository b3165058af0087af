import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type MsgidSpace, WHOLE_MSGID_SPACE } from '../center/msgid';
import { isMsgidSlot } from '../domain/msgid-slots';
import { ensurePrivateFolder, PRIVATE_FILE_MODE } from '../store/private-files';
import type { StoreClient } from '../store-link/store-client';
import type { AppConfig } from './config';
import type { Logger } from './logger';
import { storedStoreMode } from './store-mode';

/**
 * A counter of a store's msgid slot (D51, docs/store-server.md "Message ids"), as its store
 * server assigned it: kept in <data>/store/msgid-slot.json for the institution and counter it
 * was given to, so a later start uses it also while the store server is unreachable.
 */
const slotFileOf = (dataDir: string) => path.join(dataDir, 'store', 'msgid-slot.json');

export function recordedMsgidSlot(
  dataDir: string,
  institution: string,
  counterId: string,
): number | null {
  const file = slotFileOf(dataDir);
  if (!existsSync(file)) return null;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  if (raw.institution !== institution || raw.counterId !== counterId) return null;
  return isMsgidSlot(raw.slot) ? raw.slot : null;
}

export function recordMsgidSlot(
  dataDir: string,
  slot: { institution: string; counterId: string; slot: number },
): void {
  if (!isMsgidSlot(slot.slot)) throw new Error(`门店服务器给出的报文编号段无效：${slot.slot}`);
  ensurePrivateFolder(path.dirname(slotFileOf(dataDir)));
  writeFileSync(slotFileOf(dataDir), `${JSON.stringify(slot)}\n`, { mode: PRIVATE_FILE_MODE });
}

/**
 * The msgid space this start may use: the whole space for a single counter; for a counter of a
 * store its recorded slot, else the slot its store server answers now (then recorded), else
 * none — and then every center call is refused rather than risk another counter's msgid.
 */
export async function msgidSpaceAtStart(
  config: Pick<AppConfig, 'dataDir' | 'pharmacy'>,
  link: StoreClient | null,
  log: Logger,
): Promise<MsgidSpace> {
  if (!link) return WHOLE_MSGID_SPACE;
  const recorded = recordedMsgidSlot(config.dataDir, config.pharmacy.code, link.counterId);
  if (recorded !== null) return { kind: 'slot', slot: recorded };
  return askStoreForMsgidSlot(config, link, log);
}

/** Asks the store server for this counter's slot and records it; `unassigned` when it cannot. */
export async function askStoreForMsgidSlot(
  config: Pick<AppConfig, 'dataDir' | 'pharmacy'>,
  link: StoreClient,
  log: Logger,
): Promise<MsgidSpace> {
  const institution = config.pharmacy.code;
  try {
    const status = await link.call('store.status', {});
    if (status.institution !== institution || status.counterId !== link.counterId) {
      return {
        kind: 'unassigned',
        reason: `门店服务器属于机构 ${status.institution}（柜台 ${status.counterId}），不是本柜台`,
      };
    }
    recordMsgidSlot(config.dataDir, {
      institution,
      counterId: link.counterId,
      slot: status.msgidSlot,
    });
    log.info('store.msgidSlot.learnt', { counterId: link.counterId, slot: status.msgidSlot });
    return { kind: 'slot', slot: status.msgidSlot };
  } catch (e) {
    log.warn('store.msgidSlot.unknown', { counterId: link.counterId, error: (e as Error).message });
    return { kind: 'unassigned', reason: (e as Error).message };
  }
}

/**
 * The msgid space the set-up wizard's center test may use: the slot recorded with the wizard's
 * 门店柜台 choice, none when that choice has no slot yet; the whole space for a single counter.
 */
export function recordedMsgidSpace(dataDir: string, institution: string): MsgidSpace {
  const mode = storedStoreMode(dataDir);
  if (mode?.mode !== 'counter') return WHOLE_MSGID_SPACE;
  const slot = recordedMsgidSlot(dataDir, institution, mode.counterId);
  if (slot !== null) return { kind: 'slot', slot };
  return {
    kind: 'unassigned',
    reason: `柜台 ${mode.counterId} 尚未通过本机构 ${institution} 门店服务器的连接测试`,
  };
}
