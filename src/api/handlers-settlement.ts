import type { AppServices } from '../services/app-services';
import type { settlementContract } from './contract-settlement';
import type { HandlersFor } from './handler-context';

export function createSettlementHandlers(_s: AppServices): HandlersFor<typeof settlementContract> {
  return {};
}
