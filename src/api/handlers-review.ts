import type { AppServices } from '../services/app-services';
import type { reviewContract } from './contract-review';
import type { HandlersFor } from './handler-context';

export function createReviewHandlers(_s: AppServices): HandlersFor<typeof reviewContract> {
  return {};
}
