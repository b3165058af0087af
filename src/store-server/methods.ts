import type { Pool } from 'pg';
import { type StoreMethod, storeProtocol } from '../contract/store-protocol';
import { claimNonce } from './auth';
import type { StoreServerConfig } from './config';
import { runIdempotent } from './idempotent';
import { isAuditMethod, runAuditMethod } from './methods-audit';
import { isCashMethod, runCashMethod } from './methods-cash';
import { isLoginMethod, runLoginMethod } from './methods-login';
import { isOutboxMethod, runOutboxMethod } from './methods-outbox';
import { isPaperMethod, runPaperMethod } from './methods-paper';
import { isRxMethod, runRxMethod } from './methods-rx';
import { isSettlementsMethod, runSettlementsMethod } from './methods-settlements';
import { isStaffMethod, runStaffMethod } from './methods-staff';
import { isStockMethod, runStockMethod } from './methods-stock';
import { msgidSlotOf } from './msgid-slots';
import { confirm, recordCenterRefusal, release, reserve, returnCodes } from './sold-codes';

export interface MethodContext {
  pool: Pool;
  config: StoreServerConfig;
  counterId: string;
  nonce: string;
  body: string;
}

/** Each method of store-protocol.ts; mutations run through runIdempotent with their key. */
export async function runMethod(
  method: StoreMethod,
  input: unknown,
  ctx: MethodContext,
): Promise<unknown> {
  if (isRxMethod(method)) return runRxMethod(method, input, ctx);
  if (isSettlementsMethod(method)) return runSettlementsMethod(method, input, ctx);
  if (isStockMethod(method)) return runStockMethod(method, input, ctx);
  if (isAuditMethod(method)) return runAuditMethod(method, input, ctx);
  if (isStaffMethod(method)) return runStaffMethod(method, input, ctx);
  if (isCashMethod(method)) return runCashMethod(method, input, ctx);
  if (isOutboxMethod(method)) return runOutboxMethod(method, input, ctx);
  if (isPaperMethod(method)) return runPaperMethod(method, input, ctx);
  if (isLoginMethod(method)) return runLoginMethod(method, input, ctx);
  // A sale, a return and a center refusal must survive a crash once answered; a hold need not.
  const durable =
    method === 'codes.confirm' || method === 'codes.return' || method === 'codes.centerRefused';
  const once = <A>(key: string, apply: Parameters<typeof runIdempotent<A>>[0]['apply']) =>
    runIdempotent({
      pool: ctx.pool,
      counterId: ctx.counterId,
      nonce: ctx.nonce,
      durable,
      method,
      key,
      body: ctx.body,
      apply,
    });
  const me = ctx.counterId;
  switch (method) {
    case 'store.status':
      await claimNonce(ctx.pool, me, ctx.nonce);
      return {
        institution: ctx.config.institution,
        counterId: me,
        serverTime: Date.now(),
        msgidSlot: await msgidSlotOf(ctx.pool, me),
      };
    case 'codes.reserve': {
      const i = storeProtocol[method].input.parse(input);
      return once(i.idempotencyKey, (c) => reserve(c, me, i, ctx.config.reservationSeconds));
    }
    case 'codes.release': {
      const i = storeProtocol[method].input.parse(input);
      return once(i.idempotencyKey, (c) => release(c, me, i));
    }
    case 'codes.confirm': {
      const i = storeProtocol[method].input.parse(input);
      return once(i.idempotencyKey, (c) => confirm(c, me, i));
    }
    case 'codes.return': {
      const i = storeProtocol[method].input.parse(input);
      return once(i.idempotencyKey, (c) => returnCodes(c, me, i.idempotencyKey, i));
    }
    case 'codes.centerRefused': {
      const i = storeProtocol[method].input.parse(input);
      return once(i.idempotencyKey, (c) => recordCenterRefusal(c, me, i));
    }
  }
}
