import type { supervisionContract } from '../contract/contract-supervision';
import type { AppServices } from '../services/app-services';
import { type HandlersFor, must } from './handler-context';

export function createSupervisionHandlers(s: AppServices): HandlersFor<typeof supervisionContract> {
  return {
    'supervision.handle': (i, ctx) => s.settlement.handleSupervision(must(ctx), i),
  };
}
