import type { complaintsContract } from '../contract/contract-complaints';
import type { AppServices } from '../services/app-services';
import { type HandlersFor, must } from './handler-context';

export function createComplaintsHandlers(s: AppServices): HandlersFor<typeof complaintsContract> {
  return {
    'complaints.list': (i) => s.complaints.list(i.openOnly),
    'complaints.get': (i) => s.complaints.get(i.id),
    'complaints.register': (i, ctx) => s.complaints.register(must(ctx), i),
    'complaints.followUp': (i, ctx) => {
      const { id, ...step } = i;
      return s.complaints.followUp(must(ctx), id, step);
    },
  };
}
