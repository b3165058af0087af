import type { OutboxOutcomeInput } from '../contract/store-protocol-outbox';
import type {
  ClaimedOutboxItem,
  OutboxClaimAnswer,
  OutboxLeaseAnswer,
  OutboxRecordAnswer,
} from '../contract/types-store-outbox';
import { type Client, ms } from './database';
import type { Outcome } from './idempotent';

/** How long a taken or renewed lease lasts; its holder renews it every 5 s (D43). */
export const DELIVERER_LEASE_SECONDS = 15;

/** FSI sign-out: waits for the uploads queued earlier under the same sign_no (as at a counter). */
const SIGN_OUT_INFNO = '9002';

/**
 * Takes the pharmacy's one deliverer lease when it has run out (the fencing token grows by one
 * when another counter takes it), renews it for its holder, or tells who holds it.
 */
export async function takeOrRenewLease(c: Client, me: string): Promise<Outcome<OutboxLeaseAnswer>> {
  const current = await c.query<{
    counter_id: string;
    fencing: string;
    live: boolean;
    lease_until: Date;
  }>(
    `SELECT counter_id, fencing::text, lease_until > now() AS live, lease_until
     FROM outbox_deliverer FOR UPDATE`,
  );
  const row = current.rows[0];
  if (row?.live && row.counter_id !== me) {
    return {
      answer: {
        mine: false,
        holder: row.counter_id,
        fencing: Number(row.fencing),
        leaseUntil: ms(row.lease_until),
      },
      keep: true,
    };
  }
  if (!row) {
    const first = await c.query<{ lease_until: Date }>(
      `INSERT INTO outbox_deliverer (singleton, counter_id, lease_until, fencing)
       VALUES (true, $1, now() + make_interval(secs => $2), 1)
       ON CONFLICT DO NOTHING RETURNING lease_until`,
      [me, DELIVERER_LEASE_SECONDS],
    );
    // Another counter took the very first lease at the same moment: its row decides.
    if (first.rowCount !== 1) return takeOrRenewLease(c, me);
    await c.query('INSERT INTO outbox_deliverer_events (counter_id, fencing) VALUES ($1, 1)', [me]);
    return {
      answer: {
        mine: true,
        holder: me,
        fencing: 1,
        leaseUntil: ms(first.rows[0]?.lease_until ?? new Date()),
      },
      keep: true,
    };
  }
  const fencing = row.counter_id === me ? Number(row.fencing) : Number(row.fencing) + 1;
  const taken = await c.query<{ lease_until: Date }>(
    `UPDATE outbox_deliverer SET counter_id = $1,
       lease_until = now() + make_interval(secs => $2), fencing = $3
     RETURNING lease_until`,
    [me, DELIVERER_LEASE_SECONDS, fencing],
  );
  if (row.counter_id !== me) {
    await c.query('INSERT INTO outbox_deliverer_events (counter_id, fencing) VALUES ($1, $2)', [
      me,
      fencing,
    ]);
  }
  return {
    answer: {
      mine: true,
      holder: me,
      fencing,
      leaseUntil: ms(taken.rows[0]?.lease_until ?? new Date()),
    },
    keep: true,
  };
}

async function holdsLease(c: Client, me: string, fencing: number): Promise<boolean> {
  const r = await c.query(
    `SELECT 1 FROM outbox_deliverer
     WHERE counter_id = $1 AND fencing = $2 AND lease_until > now() FOR SHARE`,
    [me, fencing],
  );
  return r.rowCount === 1;
}

/**
 * The lease holder claims due items, oldest first: an item of an ordering key only while no
 * older item of that key is undelivered, whichever counter handed it over (R-OUTBOX); a
 * sign-out only after its counter's earlier uploads under that sign-in. Items left in flight
 * (a deliverer gone, an answer lost) are claimed again: the resend carries the same msgid,
 * which the center answers once.
 */
export async function claimDue(
  c: Client,
  me: string,
  fencing: number,
  limit: number,
): Promise<Outcome<OutboxClaimAnswer>> {
  if (!(await holdsLease(c, me, fencing))) {
    return { answer: { leaseHeld: false, items: [] }, keep: true };
  }
  const rows = await c.query<{
    id: string;
    msgid: string;
    infno: string;
    body: string;
    ordering_key: string | null;
    origin_counter: string;
    local_id: string;
    attempts: number;
  }>(
    `SELECT o.id::text, o.msgid, o.infno, o.body, o.ordering_key, o.origin_counter,
       o.local_id::text, o.attempts
     FROM center_outbox o
     WHERE o.status IN ('pending', 'in_flight') AND o.next_attempt_at <= now()
       AND (o.ordering_key IS NULL OR NOT EXISTS (
         SELECT 1 FROM center_outbox e
         WHERE e.ordering_key = o.ordering_key AND e.status <> 'delivered' AND e.id < o.id))
       AND (o.infno <> '${SIGN_OUT_INFNO}' OR NOT EXISTS (
         SELECT 1 FROM center_outbox e
         WHERE e.status IN ('pending', 'in_flight') AND e.id < o.id
           AND e.origin_counter = o.origin_counter AND e.infno <> '${SIGN_OUT_INFNO}'
           AND (e.body::json ->> 'sign_no') = (o.body::json ->> 'sign_no')))
     ORDER BY o.id LIMIT $1
     FOR UPDATE OF o SKIP LOCKED`,
    [limit],
  );
  const ids = rows.rows.map((r) => r.id);
  if (ids.length > 0) {
    await c.query(
      `UPDATE center_outbox SET status = 'in_flight', attempts = attempts + 1, claimed_by = $1,
         fencing = $2
       WHERE id = ANY ($3::bigint[])`,
      [me, fencing, ids],
    );
  }
  const items: ClaimedOutboxItem[] = rows.rows.map((r) => ({
    id: Number(r.id),
    msgid: r.msgid,
    infno: r.infno,
    body: r.body,
    orderingKey: r.ordering_key,
    originCounter: r.origin_counter,
    localId: Number(r.local_id),
    attempts: r.attempts + 1,
  }));
  return { answer: { leaseHeld: true, items }, keep: true };
}

/**
 * The lease holder's outcomes, each written only while the item is in flight under this
 * counter's current fencing token: a deposed deliverer's late write changes nothing (its
 * successor resends the same msgid and gets the center's first answer). A delivery drops the
 * body's one-time credentials (the deliverer sends the redacted body).
 */
export async function recordOutcomes(
  c: Client,
  me: string,
  fencing: number,
  outcomes: OutboxOutcomeInput[],
): Promise<Outcome<OutboxRecordAnswer>> {
  let recorded = 0;
  const fenced = `id = $1 AND status = 'in_flight' AND claimed_by = $2 AND fencing = $3
    AND $3 = (SELECT fencing FROM outbox_deliverer WHERE counter_id = $2)`;
  for (const o of outcomes) {
    const r =
      o.kind === 'delivered'
        ? await c.query(
            `UPDATE center_outbox SET status = 'delivered', response = $4, delivered_at = now(),
               last_error = NULL, outcome_seq = nextval('center_outbox_outcome_seq'),
               body = coalesce($5, body),
               credentials_redacted_at = CASE WHEN $5::text IS NULL THEN NULL ELSE now() END
             WHERE ${fenced}`,
            [o.id, me, fencing, o.response, o.redactedBody],
          )
        : o.kind === 'park'
          ? await c.query(
              `UPDATE center_outbox SET status = 'parked', last_error = $4, center_message = $5,
                 outcome_seq = nextval('center_outbox_outcome_seq')
               WHERE ${fenced}`,
              [o.id, me, fencing, o.error, o.centerMessage],
            )
          : await c.query(
              `UPDATE center_outbox SET status = 'pending', last_error = $4,
                 next_attempt_at = to_timestamp($5 / 1000.0)
               WHERE ${fenced}`,
              [o.id, me, fencing, o.error, o.nextAttemptAt],
            );
    recorded += r.rowCount ?? 0;
  }
  return { answer: { recorded, refused: outcomes.length - recorded }, keep: true };
}
