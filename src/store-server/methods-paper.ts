import { type StoreMethod, storeProtocol } from '../contract/store-protocol';
import { storePaperProtocol } from '../contract/store-protocol-paper';
import { claimNonce } from './auth';
import { runDurable } from './idempotent';
import type { MethodContext } from './methods';
import { paperIndexLast, paperSeen, recordPaperIndex, searchPaperIndex } from './paper-index';

export type PaperMethod = keyof typeof storePaperProtocol;

export function isPaperMethod(method: StoreMethod): method is PaperMethod {
  return Object.hasOwn(storePaperProtocol, method);
}

/** The paper archive's index: entries (durable once answered), the cursor, the two reads. */
export async function runPaperMethod(
  method: PaperMethod,
  input: unknown,
  ctx: MethodContext,
): Promise<unknown> {
  const me = ctx.counterId;
  if (method === 'paper.indexRecord') {
    const i = storeProtocol[method].input.parse(input);
    return runDurable(ctx, method, i.idempotencyKey, (c) => recordPaperIndex(c, me, i.entries));
  }
  await claimNonce(ctx.pool, me, ctx.nonce);
  if (method === 'paper.indexLast') return paperIndexLast(ctx.pool, me);
  if (method === 'paper.seen') {
    return paperSeen(ctx.pool, storeProtocol[method].input.parse(input).key);
  }
  return searchPaperIndex(ctx.pool, storeProtocol[method].input.parse(input));
}
