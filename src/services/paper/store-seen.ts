import type { PaperFinding } from '../../domain/paper/paper-types';
import { seenAtStoreFindings, storeNotAskedFinding } from '../../domain/paper/seen-at-store';
import type { StoreClient } from '../../store-link/store-client';
import type { Logger } from '../logger';

/**
 * At capture in store mode (D56, R-PAPER-NO): asks the store whether this paper was archived,
 * claimed or settled at another counter. An unreachable store is a finding of its own, never a
 * silent pass: the capture may go on, and the store's claim at dispensing still protects.
 */
export function storeSeenCheck(link: StoreClient, log: Logger) {
  return async (key: string): Promise<PaperFinding[]> => {
    try {
      return seenAtStoreFindings(await link.call('paper.seen', { key }), link.counterId);
    } catch (e) {
      log.warn(`纸质处方未能向门店服务器核对：${(e as Error).message}`);
      return [storeNotAskedFinding(key)];
    }
  };
}
