import type { einvoiceContract } from '../contract/contract-einvoice';
import type { AppServices } from '../services/app-services';
import { type HandlersFor, must } from './handler-context';

export function createEinvoiceHandlers(s: AppServices): HandlersFor<typeof einvoiceContract> {
  return {
    'einvoice.list': (i) => s.settlement.electronicReceipts.list(i),
    'einvoice.export': (i, ctx) =>
      s.settlement.electronicReceipts.export(must(ctx), i.settlementId, i.kind),
  };
}
