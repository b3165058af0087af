import type { riskContract } from '../contract/contract-risk';
import type { AppServices } from '../services/app-services';
import { type HandlersFor, must } from './handler-context';

export function createRiskHandlers(s: AppServices): HandlersFor<typeof riskContract> {
  return {
    'risk.signals': (i, ctx) => s.risk.signals(must(ctx), i.from, i.to),
  };
}
