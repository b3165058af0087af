import { type StoreMethod, storeProtocol } from '../contract/store-protocol';
import { storeStockProtocol } from '../contract/store-protocol-stock';
import { claimNonce } from './auth';
import { type Outcome, runDurable } from './idempotent';
import type { MethodContext } from './methods';
import { receiveStock, returnStock, sellStock, stockLevels } from './stock';

export type StockMethod = keyof typeof storeStockProtocol;

export function isStockMethod(method: StoreMethod): method is StockMethod {
  return Object.hasOwn(storeStockProtocol, method);
}

/** Stock at the store (D49): a receipt, a sale and a return commit durably once answered. */
export async function runStockMethod(
  method: StockMethod,
  input: unknown,
  ctx: MethodContext,
): Promise<unknown> {
  const me = ctx.counterId;
  if (method === 'stock.levels') {
    const i = storeProtocol[method].input.parse(input);
    await claimNonce(ctx.pool, me, ctx.nonce);
    return stockLevels(ctx.pool, i);
  }
  const once = <A>(
    key: string,
    apply: (c: Parameters<typeof receiveStock>[0]) => Promise<Outcome<A>>,
  ) => runDurable(ctx, method, key, apply);
  switch (method) {
    case 'stock.receive': {
      const i = storeProtocol[method].input.parse(input);
      return once(i.idempotencyKey, (c) => receiveStock(c, me, i));
    }
    case 'stock.sell': {
      const i = storeProtocol[method].input.parse(input);
      return once(i.idempotencyKey, (c) => sellStock(c, me, i));
    }
    case 'stock.return': {
      const i = storeProtocol[method].input.parse(input);
      return once(i.idempotencyKey, (c) => returnStock(c, me, i.idempotencyKey, i));
    }
  }
}
