import type { dispenseContract } from '../contract/contract-dispense';
import type { AppServices } from '../services/app-services';
import { type HandlersFor, must } from './handler-context';

export function createDispenseHandlers(s: AppServices): HandlersFor<typeof dispenseContract> {
  const d = s.dispense;
  return {
    'dispense.start': (i, ctx) => (d.claims ?? d).start(must(ctx), i.hiRxno),
    'dispense.startPaper': (i, ctx) => (d.claims ?? d).startPaper(must(ctx), i.paperId),
    // A counter of a store goes through its store server (d.linked); a single counter does not.
    'dispense.scan': (i, ctx) => (d.linked ?? d).scan(must(ctx), i.dispensingId, i.code),
    'dispense.removeCode': (i, ctx) =>
      (d.linked ?? d).removeCode(must(ctx), i.dispensingId, i.code),
    'dispense.complete': (i, ctx) => (d.linked ?? d).complete(must(ctx), i.dispensingId),
    'dispense.cancel': (i, ctx) => (d.claims ?? d).cancel(must(ctx), i.dispensingId),
    'store.link': () => d.storeLink(),
    'store.clashes': () => d.storeClashes(),
    'dispense.held': () => d.held(),
    'dispense.reopen': (i) => d.reopen(i.dispensingId),
    'dispense.cancelHeld': (i, ctx) =>
      (d.claims ?? d).cancelHeld(must(ctx), i.dispensingId, i.reason),
    'dispense.carryOverHeld': (i, ctx) => d.carryOverHeld(must(ctx), i.dispensingId, i.reason),
    'dispense.get': (i) => d.get(i.dispensingId),
    'history.forPrescription': (i, ctx) => d.history(must(ctx), i.hiRxno),
    'stock.list': () => d.stockList(),
    'guidance.forPrescription': (i) => d.guidance(i.hiRxno),
    'guidance.forPaper': (i) => d.guidanceForPaper(i.paperId),
  };
}
