import type { OutboxOutcome } from '../../contract/types-store-outbox';
import type { OutboxItem, OutboxRepository } from '../../store/outbox-repository';
import type { StoreClient } from '../../store-link/store-client';
import { redactDeliveredItem } from '../outbox-credentials';
import type { RefusedHook } from '../outbox-delivery';
import type { DeliveredHook } from '../outbox-worker';

const PAGE = 200;

export interface OutcomePull {
  delivered: number;
  parked: number;
}

type Repo = Pick<
  OutboxRepository,
  | 'get'
  | 'inOneCommit'
  | 'markDelivered'
  | 'markParkedAtStore'
  | 'oldestUndeliveredId'
  | 'redactDeliveredBody'
  | 'deliveredNotRedacted'
>;

/**
 * Brings the outcomes of this counter's handed-over items home (D43, "Hooks at the origin"):
 * each delivered item is marked delivered here with the center's answer, its one-time
 * credentials redacted, and its delivered hook run once (7206 reviewed, 7207/3505 marked, 2601
 * applied), as if this counter had sent it; a parked one waits for a person here. Pulled from
 * the oldest item still open here, so a restart loses nothing; an outcome already applied
 * changes nothing again.
 */
export function createOutcomePuller(deps: {
  outbox: Repo;
  link: StoreClient;
  hooks: Readonly<Partial<Record<string, DeliveredHook | null>>>;
  /** The areas' refusal hooks (outbox-delivery.ts), run here at the origin with the center's words. */
  onRefused: RefusedHook;
  onError: (err: unknown) => void;
}) {
  let afterSeq = 0;

  function apply(outcomes: OutboxOutcome[], tally: OutcomePull) {
    return deps.outbox.inOneCommit(() => {
      const firsts: Array<{ item: OutboxItem; response: unknown }> = [];
      for (const o of outcomes) {
        const item = deps.outbox.get(o.localId);
        if (!item || item.msgid !== o.msgid) continue;
        if (o.status === 'parked') {
          if (item.status !== 'pending' && item.status !== 'in_flight') continue;
          const explained = o.centerMessage === null ? null : deps.onRefused(item, o.centerMessage);
          const error = explained ?? o.error ?? '门店投递方搁置，未说明原因';
          if (deps.outbox.markParkedAtStore(o.localId, error)) tally.parked += 1;
          continue;
        }
        const response: unknown = o.response === null ? null : JSON.parse(o.response);
        if (!deps.outbox.markDelivered(o.localId, response)) continue;
        redactDeliveredItem(deps.outbox, item);
        tally.delivered += 1;
        firsts.push({ item, response });
      }
      return firsts;
    });
  }

  async function pull(): Promise<OutcomePull> {
    const tally: OutcomePull = { delivered: 0, parked: 0 };
    for (;;) {
      const fromLocalId = deps.outbox.oldestUndeliveredId();
      if (fromLocalId === null) return tally;
      const { outcomes } = await deps.link.call('outbox.outcomes', {
        afterSeq,
        fromLocalId,
        limit: PAGE,
      });
      if (outcomes.length === 0) return tally;
      for (const { item, response } of apply(outcomes, tally)) {
        try {
          deps.hooks[item.infno]?.(item, response);
        } catch (err) {
          deps.onError(err);
        }
      }
      afterSeq = outcomes[outcomes.length - 1]?.seq ?? afterSeq;
      if (outcomes.length < PAGE) return tally;
    }
  }

  return { pull };
}
