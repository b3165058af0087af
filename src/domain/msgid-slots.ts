/**
 * A counter of a store's share of its institution's msgid sequences (issue 17, D51): the first
 * digit of the 4-digit sequence, so at most ten counters of one institution share the center's
 * message ids without ever building the same one.
 */
export const MSGID_SLOTS = 10;

export function isMsgidSlot(n: unknown): n is number {
  return Number.isInteger(n) && (n as number) >= 0 && (n as number) < MSGID_SLOTS;
}
