import type { AppServices } from '../services/app-services';
import type { dispenseContract } from './contract-dispense';
import type { HandlersFor } from './handler-context';

export function createDispenseHandlers(_s: AppServices): HandlersFor<typeof dispenseContract> {
  return {};
}
