import { AppError } from '../domain/errors';
import type { AppServices } from '../services/app-services';
import type { reportsContract } from './contract-reports';
import type { HandlersFor } from './handler-context';

const notYet = () => {
  throw new AppError('NOT_FOUND', '报表功能尚未启用');
};

export function createReportsHandlers(_s: AppServices): HandlersFor<typeof reportsContract> {
  return {
    'reports.get': notYet,
    'reports.export': notYet,
  };
}
