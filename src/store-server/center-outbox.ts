import type { HandedOutboxItem } from '../contract/store-protocol-outbox';
import type {
  OutboxHandOverAnswer,
  OutboxOutcome,
  OutboxOutcomesAnswer,
} from '../contract/types-store-outbox';
import type { Client } from './database';
import type { Outcome } from './idempotent';
import { StoreError } from './store-error';

/**
 * The pharmacy's center outbox (D43): counters hand their pending center requests over, each
 * kept once by msgid and by (origin counter, local id); the store's id order is the causal order
 * of every ordering key across counters.
 */
export async function handOver(
  c: Client,
  me: string,
  items: HandedOutboxItem[],
): Promise<Outcome<OutboxHandOverAnswer>> {
  let stored = 0;
  for (const i of items) {
    const inserted = await c.query(
      `INSERT INTO center_outbox (msgid, infno, body, ordering_key, origin_counter, local_id)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [i.msgid, i.infno, i.body, i.orderingKey, me, i.localId],
    );
    if (inserted.rowCount === 1) {
      stored++;
      continue;
    }
    const kept = await c.query<{ msgid: string; origin_counter: string; local_id: string }>(
      `SELECT msgid, origin_counter, local_id FROM center_outbox
       WHERE msgid = $1 OR (origin_counter = $2 AND local_id = $3)`,
      [i.msgid, me, i.localId],
    );
    const same = kept.rows.some(
      (r) => r.msgid === i.msgid && r.origin_counter === me && Number(r.local_id) === i.localId,
    );
    if (!same) {
      throw new StoreError(
        'VALIDATION',
        `报文编号（msgid）${i.msgid} 或本柜台外发请求 ${i.localId} 已以另一请求交给门店，未接收`,
      );
    }
  }
  const lastLocalId = await handedLast(c, me);
  return { answer: { stored, alreadyKept: items.length - stored, lastLocalId }, keep: true };
}

export async function handedLast(c: Pick<Client, 'query'>, me: string): Promise<number | null> {
  const r = await c.query<{ last: string | null }>(
    'SELECT max(local_id)::text AS last FROM center_outbox WHERE origin_counter = $1',
    [me],
  );
  const last = r.rows[0]?.last;
  return last === null || last === undefined ? null : Number(last);
}

/**
 * Delivered and parked items of the asking counter, in the order their outcomes were written,
 * for it to run its delivered hooks and mark its own rows.
 */
export async function outcomesOf(
  c: Pick<Client, 'query'>,
  me: string,
  p: { afterSeq: number; fromLocalId: number; limit: number },
): Promise<OutboxOutcomesAnswer> {
  const rows = await c.query<{
    seq: string;
    local_id: string;
    msgid: string;
    status: 'delivered' | 'parked';
    response: string | null;
    last_error: string | null;
    center_message: string | null;
  }>(
    `SELECT outcome_seq::text AS seq, local_id::text, msgid, status, response, last_error,
       center_message
     FROM center_outbox
     WHERE origin_counter = $1 AND outcome_seq > $2 AND local_id >= $3
     ORDER BY outcome_seq LIMIT $4`,
    [me, p.afterSeq, p.fromLocalId, p.limit],
  );
  const outcomes: OutboxOutcome[] = rows.rows.map((r) => ({
    seq: Number(r.seq),
    localId: Number(r.local_id),
    msgid: r.msgid,
    status: r.status,
    response: r.status === 'delivered' ? r.response : null,
    error: r.status === 'parked' ? r.last_error : null,
    centerMessage: r.status === 'parked' ? r.center_message : null,
  }));
  return { outcomes };
}

/** A person sends a parked item of this counter again: pending, due now, its outcome cleared. */
export async function requeueParked(
  c: Client,
  me: string,
  localId: number,
): Promise<Outcome<{ requeued: boolean }>> {
  const r = await c.query(
    `UPDATE center_outbox SET status = 'pending', next_attempt_at = now(), outcome_seq = NULL
     WHERE origin_counter = $1 AND local_id = $2 AND status = 'parked'`,
    [me, localId],
  );
  return { answer: { requeued: r.rowCount === 1 }, keep: true };
}
