import type { setupContract } from '../contract/contract-setup';
import type { SetupStatus } from '../contract/types-setup';
import { AppError } from '../domain/errors';
import type { HandlersFor } from './handler-context';

const CLOSED = '首次设置已完成，设置接口已关闭；更改医保中心配置请联系信息管理员';
const closed = (): never => {
  throw new AppError('FORBIDDEN', CLOSED);
};

/** What `setup.status` answers on a configured counter. */
export const CONFIGURED_STATUS: SetupStatus = {
  phase: 'configured',
  imported: null,
  connectionOk: true,
  adminCreated: true,
};

/** A configured counter: the wizard's methods say so and refuse everything else. */
export function createClosedSetupHandlers(): HandlersFor<typeof setupContract> {
  return {
    'setup.status': () => CONFIGURED_STATUS,
    'setup.importCenterConfig': closed,
    'setup.testConnection': closed,
    'setup.createFirstAdmin': closed,
    'setup.storeLink': closed,
    'setup.chooseDemo': closed,
    'setup.finish': closed,
  };
}
