import { contract, isApiMethod, policyOf } from '../contract/contract';
import type { RolePolicy } from '../contract/method-policy';
import type { ApiResult } from '../contract/types';
import { AppError, toErrorShape } from '../domain/errors';
import type { AppServices } from '../services/app-services';
import type { Logger } from '../services/logger';
import { createHandlers, type HandlerContext } from './handlers';

export type Dispatch = (
  method: string,
  rawInput: unknown,
  token: string | null,
) => Promise<ApiResult<unknown>>;

/**
 * The single entry of both transports: checks the method name, validates the input against
 * the contract's schema, resolves the session, runs the handler and turns every failure into
 * a Chinese error shape. Nothing unvalidated reaches a service.
 */
export function createDispatcher(services: AppServices, log: Logger): Dispatch {
  const handlers = createHandlers(services);
  return async (method, rawInput, token) => {
    // For the audit trail (R-KEEP): what was asked, and by whom, once known.
    let audited: { input: unknown; session: HandlerContext['session'] } | null = null;
    let pendingId: number | null = null;
    try {
      if (!isApiMethod(method))
        throw new AppError('NOT_FOUND', `未知的接口：${String(method).slice(0, 64)}`);
      const spec = contract[method];
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        const where = first?.path.join('.') || '输入';
        throw new AppError('VALIDATION', `输入不合法（${where}）：${first?.message ?? '格式错误'}`);
      }
      const ctx: HandlerContext = {
        token,
        session: spec.auth ? services.auth.authenticate(token) : null,
      };
      audited = { input: parsed.data, session: ctx.session };
      pendingId = services.audit.beforeCall(method, audited);
      assertRoleAllowed(policyOf(method)?.roles, ctx.session);
      assertPasswordChosen(policyOf(method)?.withTemporaryPassword === true, ctx.session);
      const handler = handlers[method] as (input: unknown, ctx: HandlerContext) => unknown;
      const value = await handler(parsed.data, ctx);
      services.audit.afterCall(method, { ...audited, output: value }, pendingId);
      return { ok: true, value };
    } catch (err) {
      if (audited) services.audit.afterCall(method, { ...audited, error: err }, pendingId);
      if (!(err instanceof AppError)) log.error('api.unexpected', { method, error: String(err) });
      return { ok: false, error: toErrorShape(err) };
    }
  };
}

/** An administrator's temporary password opens nothing but the change of it (and log-out). */
function assertPasswordChosen(allowed: boolean, session: HandlerContext['session']): void {
  if (!allowed && session?.mustChangePassword) {
    throw new AppError('FORBIDDEN', '请先修改管理员给的临时密码，再使用其他功能');
  }
}

/** The contract entry's role restriction, refused before the handler runs (and audited as refused). */
function assertRoleAllowed(
  roles: RolePolicy | undefined,
  session: HandlerContext['session'],
): void {
  if (roles && session && !roles.allowed.includes(session.staff.role)) {
    throw new AppError('FORBIDDEN', roles.refusal, { ruleId: roles.ruleId });
  }
}
