import type { deliveryContract } from '../contract/contract-delivery';
import type { AppServices } from '../services/app-services';
import { type HandlersFor, must } from './handler-context';

export function createDeliveryHandlers(s: AppServices): HandlersFor<typeof deliveryContract> {
  return {
    'delivery.create': (i, ctx) => s.delivery.create(must(ctx), i),
    'delivery.handOver': (i, ctx) => s.delivery.handOver(must(ctx), i.orderId),
    'delivery.confirmReceipt': (i, ctx) => s.delivery.confirmReceipt(must(ctx), i),
    'delivery.get': (i) => s.delivery.get(i.orderId, i.full === true),
    'delivery.list': (i) => s.delivery.list(i),
    'delivery.export': (i, ctx) => s.delivery.export(must(ctx), i),
  };
}
