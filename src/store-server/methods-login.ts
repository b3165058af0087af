import { type StoreMethod, storeProtocol } from '../contract/store-protocol';
import { storeLoginProtocol } from '../contract/store-protocol-login';
import { runDurable } from './idempotent';
import { recordLoginAttempt } from './login-failures';
import type { MethodContext } from './methods';

export type LoginMethod = keyof typeof storeLoginProtocol;

export function isLoginMethod(method: StoreMethod): method is LoginMethod {
  return Object.hasOwn(storeLoginProtocol, method);
}

/** Log-in attempts counted store-wide; a lock-out must survive a crash once answered. */
export async function runLoginMethod(
  method: LoginMethod,
  input: unknown,
  ctx: MethodContext,
): Promise<unknown> {
  const i = storeProtocol[method].input.parse(input);
  return runDurable(ctx, method, i.idempotencyKey, (c) =>
    recordLoginAttempt(c, ctx.counterId, i.username, i.accepted),
  );
}
