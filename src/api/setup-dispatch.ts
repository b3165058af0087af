import { contract, isApiMethod } from '../contract/contract';
import type { setupContract } from '../contract/contract-setup';
import type { SetupDone } from '../contract/types-setup';
import { AppError, toErrorShape } from '../domain/errors';
import type { Logger } from '../services/logger';
import type { SetupService } from '../services/setup/setup-service';
import type { Dispatch } from './dispatch';
import type { HandlersFor } from './handler-context';

const NOT_SET_UP = '本柜台尚未完成首次设置：请先在设置向导中导入医保中心配置或选择演示/培训模式';

/**
 * The dispatcher while the data folder has no configuration: the wizard's methods only, each
 * validated by the contract and audited in the new counter's trail (no session exists yet).
 * `onDone` starts the counter's services; the call that finished set-up answers after that.
 */
export function createSetupDispatcher(
  setup: SetupService,
  log: Logger,
  onDone: (done: SetupDone) => Promise<void>,
): Dispatch {
  const handlers: HandlersFor<typeof setupContract> = {
    'setup.status': () => setup.status(),
    'setup.importCenterConfig': (i) => setup.importCenterConfig(i),
    'setup.testConnection': () => setup.testConnection(),
    'setup.createFirstAdmin': (i) => setup.createFirstAdmin(i),
    'setup.storeLink': (i) => setup.storeLink(i),
    'setup.chooseDemo': () => setup.chooseDemo(),
    'setup.finish': () => setup.finish(),
  };
  return async (method, rawInput) => {
    let call: { input: unknown; session: null } | null = null;
    let pendingId: number | null = null;
    try {
      if (!isApiMethod(method) || !Object.hasOwn(handlers, method)) {
        throw new AppError('FORBIDDEN', NOT_SET_UP);
      }
      const name = method as keyof typeof handlers;
      const parsed = contract[name].input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        const where = first?.path.join('.') || '输入';
        throw new AppError('VALIDATION', `输入不合法（${where}）：${first?.message ?? '格式错误'}`);
      }
      call = { input: parsed.data, session: null };
      pendingId = setup.audit.beforeCall(name, call);
      const handler = handlers[name] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      setup.audit.afterCall(name, { ...call, output: value }, pendingId);
      if (name === 'setup.chooseDemo' || name === 'setup.finish') await onDone(value as SetupDone);
      return { ok: true, value };
    } catch (err) {
      if (call) setup.audit.afterCall(method, { ...call, error: err }, pendingId);
      if (!(err instanceof AppError)) log.error('setup.unexpected', { method, error: String(err) });
      return { ok: false, error: toErrorShape(err) };
    }
  };
}
