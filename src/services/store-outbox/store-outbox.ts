import { randomUUID } from 'node:crypto';
import type { FsiClient } from '../../center/fsi-client';
import type { OutboxItem, OutboxRepository } from '../../store/outbox-repository';
import type { StoreClient } from '../../store-link/store-client';
import type { DeliverySignIns } from '../delivery-sign-in';
import type { Logger } from '../logger';
import type { DeliveredHooks } from '../outbox-delivered-hooks';
import { fsiOutboxSender, type RefusedHook } from '../outbox-delivery';
import type { OutboxWorker } from '../outbox-worker';
import { createOutboxHandOver, type OutboxHandOver } from './hand-over';
import { handingOverFirst } from './hand-over-first';
import { createOutcomePuller } from './outcome-pull';
import { createStoreDeliverer } from './store-deliverer';
import { createStoreOutboxWorker } from './store-outbox-worker';

/**
 * The center outbox of a counter of a store (D43): its hand-over, and the store link every area
 * uses, with hand-over first before the calls that let another counter act on the same subject.
 * Built before the areas (they take the link); the worker after them (it takes their hooks).
 */
export function createStoreOutbox(deps: { outbox: OutboxRepository; link: StoreClient }) {
  const handOver = createOutboxHandOver({ outbox: deps.outbox, link: deps.link });
  return {
    handOver,
    /** The link the areas call the store server with. */
    link: handingOverFirst(deps.link, handOver),
    worker(w: {
      fsi: FsiClient;
      signIns: DeliverySignIns;
      hooks: DeliveredHooks;
      onRefused: RefusedHook;
      log: Logger;
      /**
       * false for a counter without a msgid slot (D51): it could not sign in to the center, so
       * it never takes the deliverer's lease and leaves delivering to the other counters. A
       * function is asked each round: such a counter delivers once it has learnt its slot (D57).
       */
      mayDeliver?: boolean | (() => boolean);
    }): OutboxWorker {
      // Every 5 s while the store server is down: said once per distinct cause, not each time.
      let lastSaid = '';
      const onError = (err: unknown) => {
        const said = `门店外发队列暂未完成，稍后重试：${(err as Error)?.message ?? String(err)}`;
        if (said !== lastSaid) w.log.warn(said);
        lastSaid = said;
      };
      return createStoreOutboxWorker({
        handOver,
        deliverer:
          w.mayDeliver === false
            ? null
            : createStoreDeliverer({
                link: deps.link,
                sender: (capture) => fsiOutboxSender(w.fsi, capture, w.signIns),
              }),
        ...(typeof w.mayDeliver === 'function' ? { mayDeliver: w.mayDeliver } : {}),
        outcomes: createOutcomePuller({
          outbox: deps.outbox,
          link: deps.link,
          hooks: w.hooks,
          onRefused: w.onRefused,
          onError,
        }),
        onError,
      });
    },
    /** A person sends a parked item again: the store server first, so it is delivered from there. */
    async requeue(item: OutboxItem): Promise<void> {
      await handOver.handOverOne({
        localId: item.id,
        msgid: item.msgid,
        infno: item.infno,
        body: item.body,
        orderingKey: item.orderingKey,
      });
      await deps.link.call('outbox.requeue', {
        idempotencyKey: `requeue-${deps.link.counterId}-${randomUUID()}`,
        localId: item.id,
      });
    },
  };
}

export type StoreOutbox = ReturnType<typeof createStoreOutbox>;
export type { OutboxHandOver };
