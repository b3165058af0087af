import { type StoreMethod, storeProtocol } from '../contract/store-protocol';
import { storeSettlementsProtocol } from '../contract/store-protocol-settlements';
import { claimNonce } from './auth';
import { runDurable } from './idempotent';
import type { MethodContext } from './methods';
import { dayReport, lastRecordedAt, recordSettlements } from './settlements';

export type SettlementsMethod = keyof typeof storeSettlementsProtocol;

export function isSettlementsMethod(method: StoreMethod): method is SettlementsMethod {
  return Object.hasOwn(storeSettlementsProtocol, method);
}

/** Settlement records (durable once answered), the delivery cursor and the day report. */
export async function runSettlementsMethod(
  method: SettlementsMethod,
  input: unknown,
  ctx: MethodContext,
): Promise<unknown> {
  const me = ctx.counterId;
  if (method === 'settlements.record') {
    const i = storeProtocol[method].input.parse(input);
    return runDurable(ctx, method, i.idempotencyKey, (c) => recordSettlements(c, me, i.records));
  }
  await claimNonce(ctx.pool, me, ctx.nonce);
  if (method === 'settlements.last') return { lastAt: await lastRecordedAt(ctx.pool, me) };
  const i = storeProtocol[method].input.parse(input);
  return dayReport(ctx.pool, i.day);
}
