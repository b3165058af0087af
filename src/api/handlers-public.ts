import type { publicContract } from '../contract/contract-public';
import type { AppServices } from '../services/app-services';
import { type HandlersFor, must } from './handler-context';

export function createPublicHandlers(s: AppServices): HandlersFor<typeof publicContract> {
  return {
    'public.priceList': () => s.publicInfo.priceList(),
    'public.stockAvailability': () => s.publicInfo.stockAvailability(),
    'public.export': (i, ctx) => s.publicInfo.export(must(ctx), i),
  };
}
