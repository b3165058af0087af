import { type StoreMethod, storeProtocol } from '../contract/store-protocol';
import { storeCashProtocol } from '../contract/store-protocol-cash';
import { claimNonce } from './auth';
import { lastCashSale, recordCashSales } from './cash-sales';
import { runIdempotent } from './idempotent';
import type { MethodContext } from './methods';

export type CashMethod = keyof typeof storeCashProtocol;

export function isCashMethod(method: StoreMethod): method is CashMethod {
  return Object.hasOwn(storeCashProtocol, method);
}

/** Cash sales (durable once answered) and their delivery cursor. */
export async function runCashMethod(
  method: CashMethod,
  input: unknown,
  ctx: MethodContext,
): Promise<unknown> {
  const me = ctx.counterId;
  if (method === 'cashSales.last') {
    await claimNonce(ctx.pool, me, ctx.nonce);
    return { lastLocalId: await lastCashSale(ctx.pool, me) };
  }
  const i = storeProtocol[method].input.parse(input);
  return runIdempotent({
    pool: ctx.pool,
    counterId: me,
    nonce: ctx.nonce,
    durable: true,
    method,
    key: i.idempotencyKey,
    body: ctx.body,
    apply: (c) => recordCashSales(c, me, i.sales),
  });
}
