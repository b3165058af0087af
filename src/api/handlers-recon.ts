import type { reconContract } from '../contract/contract-recon';
import type { AppServices } from '../services/app-services';
import type { HandlersFor } from './handler-context';

export function createReconHandlers(s: AppServices): HandlersFor<typeof reconContract> {
  return {
    'recon.day': (i) => s.recon.day(i.date),
  };
}
