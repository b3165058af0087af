import type { AppServices } from '../services/app-services';
import type { reconContract } from './contract-recon';
import type { HandlersFor } from './handler-context';

export function createReconHandlers(s: AppServices): HandlersFor<typeof reconContract> {
  return {
    'recon.day': (i) => s.recon.day(i.date),
  };
}
