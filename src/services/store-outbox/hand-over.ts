import { randomUUID } from 'node:crypto';
import type { HandedOutboxItem } from '../../contract/store-protocol-outbox';
import type { OutboxRepository } from '../../store/outbox-repository';
import type { StoreClient } from '../../store-link/store-client';

const BATCH = 100;
/** Kept well under the store server's request limit (STORE_MAX_REQUEST_BYTES, 128 KB). */
const BATCH_BYTES = 96 * 1024;

export interface HandOverPass {
  handed: number;
}

/**
 * Hands this counter's pending center requests over to the store server (D43), in id order, the
 * settlement delivery's pattern: the store says how far it has got (`outbox.handedLast`, the
 * highest local id it holds) and keeps each item once by msgid and by local id, so a pass cut
 * off by a crash is simply sent again. Once handed over, an item is the store's to deliver: this
 * counter never sends it itself.
 */
export function createOutboxHandOver(deps: {
  outbox: Pick<OutboxRepository, 'handOverDue'>;
  link: StoreClient;
}) {
  /** The highest local id the store server holds, as its last answer said; null before asking. */
  let handedUpTo: number | null = null;
  /** Passes run one after another. */
  let queue: Promise<unknown> = Promise.resolve();

  async function send(items: HandedOutboxItem[]): Promise<void> {
    const answer = await deps.link.call('outbox.handOver', {
      idempotencyKey: `handover-${deps.link.counterId}-${randomUUID()}`,
      items,
    });
    handedUpTo = answer.lastLocalId;
  }

  async function pass(): Promise<HandOverPass> {
    if (handedUpTo === null) {
      handedUpTo = (await deps.link.call('outbox.handedLast', {})).lastLocalId ?? 0;
    }
    let handed = 0;
    for (;;) {
      const due = deps.outbox.handOverDue(handedUpTo ?? 0, BATCH);
      if (due.length === 0) return { handed };
      const batch: HandedOutboxItem[] = [];
      let bytes = 0;
      for (const item of due) {
        bytes += Buffer.byteLength(item.body) + 200;
        if (batch.length > 0 && bytes > BATCH_BYTES) break;
        batch.push({
          localId: item.id,
          msgid: item.msgid,
          infno: item.infno,
          body: item.body,
          orderingKey: item.orderingKey,
        });
      }
      await send(batch);
      handed += batch.length;
    }
  }

  return {
    /**
     * A pass after the one under way (which may have read the outbox before the caller's latest
     * change); rejects when the store cannot be reached.
     */
    handOverNow(): Promise<HandOverPass> {
      const next = queue.then(pass);
      queue = next.catch(() => undefined);
      return next;
    },
    /** One item again, whatever the cursor says (a parked item a person sends again). */
    async handOverOne(item: HandedOutboxItem): Promise<void> {
      await send([item]);
    },
    /** Whether the store server holds this local item (as far as this counter last heard). */
    isHanded: (localId: number): boolean => handedUpTo !== null && localId <= handedUpTo,
  };
}

export type OutboxHandOver = ReturnType<typeof createOutboxHandOver>;
