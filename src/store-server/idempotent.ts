import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { claimNonce } from './auth';
import { type Client, isRetryable } from './database';
import { StoreError } from './store-error';

/** What a mutation decided: its answer, and whether its changes stand (a refusal undoes them). */
export interface Outcome<A> {
  answer: A;
  keep: boolean;
}

/**
 * Runs a mutation once per (counter, idempotency key): the key's row is inserted first, so a
 * concurrent retry waits for the first attempt and then reads its answer; the answer is stored
 * in the same transaction as the change. A refusal rolls the change back to a savepoint but
 * keeps the answer. Deadlocks are retried whole.
 */
export async function runIdempotent<A>(p: {
  pool: Pool;
  counterId: string;
  /** The request's nonce, recorded in this transaction (replay protection, auth.ts). */
  nonce: string;
  /**
   * False for holds that may be lost in a crash without harm (a reservation, a release): the
   * commit does not wait for the disk. A sale's commit always does.
   */
  durable: boolean;
  method: string;
  key: string;
  body: string;
  apply: (client: Client) => Promise<Outcome<A>>;
}): Promise<A> {
  const requestSha256 = createHash('sha256').update(p.body).digest('hex');
  for (let attempt = 1; ; attempt++) {
    const client = await p.pool.connect();
    try {
      await client.query('BEGIN');
      if (!p.durable) await client.query('SET LOCAL synchronous_commit = off');
      await claimNonce(client, p.counterId, p.nonce);
      const claimed = await client.query(
        `INSERT INTO idempotency_keys (counter_id, key, method, request_sha256)
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [p.counterId, p.key, p.method, requestSha256],
      );
      if (claimed.rowCount !== 1) {
        const first = await client.query<{ method: string; request_sha256: string; answer: A }>(
          'SELECT method, request_sha256, answer FROM idempotency_keys WHERE counter_id = $1 AND key = $2',
          [p.counterId, p.key],
        );
        await client.query('COMMIT');
        const row = first.rows[0];
        if (!row || row.method !== p.method || row.request_sha256 !== requestSha256) {
          throw new StoreError(
            'IDEMPOTENCY_MISMATCH',
            '同一幂等键已用于另一请求，已拒绝（重试须与原请求完全相同）',
          );
        }
        return row.answer;
      }
      await client.query('SAVEPOINT work');
      const outcome = await p.apply(client);
      if (!outcome.keep) await client.query('ROLLBACK TO SAVEPOINT work');
      await client.query(
        'UPDATE idempotency_keys SET answer = $3 WHERE counter_id = $1 AND key = $2',
        [p.counterId, p.key, JSON.stringify(outcome.answer)],
      );
      await client.query('COMMIT');
      return outcome.answer;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      if (attempt < 5 && isRetryable(e)) continue;
      if (e instanceof StoreError) throw e;
      throw e;
    } finally {
      client.release();
    }
  }
}

/**
 * A mutation of a counter's request that must survive a crash once answered (a record, a sale),
 * run under its idempotency key: the common case of `runIdempotent`.
 */
export function runDurable<A>(
  ctx: { pool: Pool; counterId: string; nonce: string; body: string },
  method: string,
  key: string,
  apply: (client: Client) => Promise<Outcome<A>>,
): Promise<A> {
  return runIdempotent({
    pool: ctx.pool,
    counterId: ctx.counterId,
    nonce: ctx.nonce,
    durable: true,
    method,
    key,
    body: ctx.body,
    apply,
  });
}
