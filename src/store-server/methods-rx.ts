import { type StoreMethod, storeProtocol } from '../contract/store-protocol';
import { storeRxProtocol } from '../contract/store-protocol-rx';
import { claimNonce } from './auth';
import { type Outcome, runIdempotent } from './idempotent';
import type { MethodContext } from './methods';
import { claimRx, heldBy, releaseRx } from './rx-claims';

export type RxMethod = keyof typeof storeRxProtocol;

export function isRxMethod(method: StoreMethod): method is RxMethod {
  return Object.hasOwn(storeRxProtocol, method);
}

/** The prescription-claim methods; a claim must survive a crash once answered (durable). */
export async function runRxMethod(
  method: RxMethod,
  input: unknown,
  ctx: MethodContext,
): Promise<unknown> {
  const me = ctx.counterId;
  if (method === 'rx.held') {
    await claimNonce(ctx.pool, me, ctx.nonce);
    return heldBy(ctx.pool, me);
  }
  const i = storeProtocol[method].input.parse(input);
  return runIdempotent<unknown>({
    pool: ctx.pool,
    counterId: me,
    nonce: ctx.nonce,
    durable: true,
    method,
    key: i.idempotencyKey,
    body: ctx.body,
    apply: (c): Promise<Outcome<unknown>> =>
      method === 'rx.claim' ? claimRx(c, me, i.hiRxno) : releaseRx(c, me, i.hiRxno),
  });
}
