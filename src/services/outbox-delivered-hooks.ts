import type { QueuedInfno } from '../center/transactions';
import type { DeliveredHook } from './outbox-worker';

/**
 * What the delivery of each queued transaction records besides the outbox row, decided for every
 * one: a transaction added to the catalogue as queued does not compile until it is named here.
 * `null`: nothing more to record (its views read the outbox row's own state).
 */
export type DeliveredHooks = { readonly [K in QueuedInfno]: DeliveredHook | null };

const NOTHING_MORE = {
  '9002': null,
  '3103': null,
  '3501': null,
  '3502': null,
  '3503': null,
  '3504': null,
  '3506': null,
  '3507': null,
  '7208': null,
} as const;

/** The worker's hooks, from the areas that own them (wired in app-services.ts). */
export function deliveredHooks(areas: {
  review: Pick<DeliveredHooks, '7206'>;
  settlement: Pick<DeliveredHooks, '2601' | '7207' | '3505'>;
}): DeliveredHooks {
  return { ...NOTHING_MORE, ...areas.review, ...areas.settlement };
}
