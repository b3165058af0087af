import type { outboxContract } from '../contract/contract-outbox';
import type { AppServices } from '../services/app-services';
import { type HandlersFor, must } from './handler-context';

export function createOutboxHandlers(s: AppServices): HandlersFor<typeof outboxContract> {
  return {
    'outbox.list': (i) => s.outboxQueue.view(i.status),
    'outbox.sendNow': () => s.outboxQueue.sendNow(),
    'outbox.requeue': (i, ctx) => s.outboxQueue.requeue(must(ctx), i.id),
  };
}
