import { type StoreMethod, storeProtocol } from '../contract/store-protocol';
import { storeOutboxProtocol } from '../contract/store-protocol-outbox';
import { claimNonce } from './auth';
import { handedLast, handOver, outcomesOf, requeueParked } from './center-outbox';
import { type Client, isRetryable } from './database';
import { type Outcome, runIdempotent } from './idempotent';
import type { MethodContext } from './methods';
import { claimDue, recordOutcomes, takeOrRenewLease } from './outbox-deliverer';

export type OutboxMethod = keyof typeof storeOutboxProtocol;

export function isOutboxMethod(method: StoreMethod): method is OutboxMethod {
  return Object.hasOwn(storeOutboxProtocol, method);
}

/**
 * The center outbox's methods (D43). A hand-over, a lease and an outcome must survive a crash
 * once answered (durable); a claim need not: an item whose claim is lost is simply claimed again.
 */
export async function runOutboxMethod(
  method: OutboxMethod,
  input: unknown,
  ctx: MethodContext,
): Promise<unknown> {
  const me = ctx.counterId;
  const once = <A>(
    key: string,
    durable: boolean,
    apply: Parameters<typeof runIdempotent<A>>[0]['apply'],
  ) =>
    runIdempotent({
      pool: ctx.pool,
      counterId: me,
      nonce: ctx.nonce,
      durable,
      method,
      key,
      body: ctx.body,
      apply,
    });
  switch (method) {
    case 'outbox.handOver': {
      const i = storeProtocol[method].input.parse(input);
      return once(i.idempotencyKey, true, (c) => handOver(c, me, i.items));
    }
    case 'outbox.lease':
      storeProtocol[method].input.parse(input);
      return inTransaction(ctx, true, (c) => takeOrRenewLease(c, me));
    case 'outbox.claim': {
      const i = storeProtocol[method].input.parse(input);
      return inTransaction(ctx, false, (c) => claimDue(c, me, i.fencing, i.limit));
    }
    case 'outbox.record': {
      const i = storeProtocol[method].input.parse(input);
      return once(i.idempotencyKey, true, (c) => recordOutcomes(c, me, i.fencing, i.outcomes));
    }
    case 'outbox.requeue': {
      const i = storeProtocol[method].input.parse(input);
      return once(i.idempotencyKey, true, (c) => requeueParked(c, me, i.localId));
    }
    case 'outbox.handedLast':
      await claimNonce(ctx.pool, me, ctx.nonce);
      return { lastLocalId: await handedLast(ctx.pool, me) };
    case 'outbox.outcomes': {
      const i = storeProtocol[method].input.parse(input);
      await claimNonce(ctx.pool, me, ctx.nonce);
      return outcomesOf(ctx.pool, me, i);
    }
  }
}

/**
 * A repeatable mutation in one transaction with the request's nonce, without an idempotency
 * row (the lease and the claim run every few seconds at every counter).
 */
async function inTransaction<A>(
  ctx: MethodContext,
  durable: boolean,
  work: (c: Client) => Promise<Outcome<A>>,
): Promise<A> {
  for (let attempt = 1; ; attempt++) {
    const client = await ctx.pool.connect();
    try {
      await client.query('BEGIN');
      if (!durable) await client.query('SET LOCAL synchronous_commit = off');
      await claimNonce(client, ctx.counterId, ctx.nonce);
      const { answer } = await work(client);
      await client.query('COMMIT');
      return answer;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      if (attempt < 5 && isRetryable(e)) continue;
      throw e;
    } finally {
      client.release();
    }
  }
}
