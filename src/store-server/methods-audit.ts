import { type StoreMethod, storeProtocol } from '../contract/store-protocol';
import { storeAuditProtocol } from '../contract/store-protocol-audit';
import { lastAuditSeq, queryAudit, recordAudit } from './audit-trail';
import { claimNonce } from './auth';
import { runDurable } from './idempotent';
import type { MethodContext } from './methods';

export type AuditMethod = keyof typeof storeAuditProtocol;

export function isAuditMethod(method: StoreMethod): method is AuditMethod {
  return Object.hasOwn(storeAuditProtocol, method);
}

/** The store-wide audit trail: entries (durable once answered), the delivery cursor, the query. */
export async function runAuditMethod(
  method: AuditMethod,
  input: unknown,
  ctx: MethodContext,
): Promise<unknown> {
  const me = ctx.counterId;
  if (method === 'audit.record') {
    const i = storeProtocol[method].input.parse(input);
    return runDurable(ctx, method, i.idempotencyKey, (c) => recordAudit(c, me, i.entries));
  }
  await claimNonce(ctx.pool, me, ctx.nonce);
  if (method === 'audit.last') return { lastSeq: await lastAuditSeq(ctx.pool, me) };
  return queryAudit(ctx.pool, storeProtocol[method].input.parse(input));
}
