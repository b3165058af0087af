import type { reconContract } from '../contract/contract-recon';
import type { AppServices } from '../services/app-services';
import { type HandlersFor, must } from './handler-context';

export function createReconHandlers(s: AppServices): HandlersFor<typeof reconContract> {
  return {
    'recon.day': (i, ctx) => s.recon.day(must(ctx), i.date),
    'recon.period': (i, ctx) => s.recon.period(must(ctx), i.from, i.to),
    'recon.export': (i, ctx) => s.recon.export(must(ctx), i.from, i.to),
  };
}
