import type { StoreClient } from '../../store-link/store-client';
import { storeRxClaims } from '../dispense/store-linked-claims';
import type { Logger } from '../logger';
import type { RxSelfPayAtStore } from './rx-self-pay-service';

/**
 * A counter of a store's 自费结算 of an e-prescription (D52): the prescription is claimed like a
 * dispensing, and a refund returns the sale's packs at the store with a key of its own (the store
 * applies it once however often it is sent). The counter's store queue (D42) names a dispensing
 * for every return, so this return is sent right after the refund; a failure is logged for the
 * administrator (the pack stays sold at the store: refused, never sold twice).
 */
export function rxSelfPayAtStore(link: StoreClient, log: Logger): RxSelfPayAtStore {
  return {
    claims: storeRxClaims(link, log),
    async returnCodes(saleRef, codes, key) {
      if (codes.length === 0) return;
      try {
        await link.call('codes.return', {
          idempotencyKey: `${key}-${link.counterId}`,
          saleRef,
          codes,
        });
      } catch (e) {
        log.error(`门店服务器未能退回自费结算的追溯码（${saleRef}）：${(e as Error).message}`);
      }
    },
  };
}
