import { type StoreMethod, storeProtocol } from '../contract/store-protocol';
import { storeCashProtocol } from '../contract/store-protocol-cash';
import { claimNonce } from './auth';
import { lastCashSale, recordCashSales } from './cash-sales';
import { runDurable } from './idempotent';
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
  return runDurable(ctx, method, i.idempotencyKey, (c) => recordCashSales(c, me, i.sales));
}
