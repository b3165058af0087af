import type { AppServices } from '../services/app-services';
import type { reportsContract } from './contract-reports';
import type { HandlersFor } from './handler-context';

export function createReportsHandlers(_s: AppServices): HandlersFor<typeof reportsContract> {
  return {};
}
