import type { AppServices } from '../services/app-services';
import type { riskContract } from './contract-risk';
import type { HandlersFor } from './handler-context';

export function createRiskHandlers(_s: AppServices): HandlersFor<typeof riskContract> {
  return {};
}
