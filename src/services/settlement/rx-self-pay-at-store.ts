import type { StoreClient } from '../../store-link/store-client';
import { storeRxClaims } from '../dispense/store-linked-claims';
import type { Logger } from '../logger';
import type { StoreQueue } from '../store-queue/store-queue';
import type { RxSelfPayAtStore } from './rx-self-pay-service';

/**
 * A counter of a store's 自费结算 of an e-prescription (D52): the prescription is claimed like a
 * dispensing, and a refund owes the sale's packs back to the store through the counter's store
 * queue (D42), which applies the return once however often it is sent.
 */
export function rxSelfPayAtStore(
  link: StoreClient,
  queue: StoreQueue | null,
  log: Logger,
): RxSelfPayAtStore {
  return {
    claims: storeRxClaims(link, log),
    queueReturn(saleRef, codes, at) {
      queue?.recordSaleReturn(saleRef, codes, at);
    },
  };
}
