import type { reviewContract } from '../contract/contract-review';
import { AppError } from '../domain/errors';
import type { AppServices } from '../services/app-services';
import { SINGLE_COUNTER_ON_DUTY } from '../services/store-staff/store-on-duty';
import { type HandlersFor, must } from './handler-context';

export function createReviewHandlers(s: AppServices): HandlersFor<typeof reviewContract> {
  const { shifts, reviews } = s.review;
  return {
    'shift.status': (_i, ctx) => shifts.status(must(ctx).staff),
    'shift.open': (_i, ctx) => shifts.open(must(ctx).staff),
    'shift.close': (_i, ctx) => shifts.close(must(ctx).staff),
    'shift.store': () => {
      if (!s.storeStaff) throw new AppError('CONFLICT', SINGLE_COUNTER_ON_DUTY);
      return s.storeStaff.onDuty();
    },
    'review.start': (i, ctx) => reviews.start(must(ctx), i.hiRxno),
    'review.submit': (i, ctx) => reviews.submit(must(ctx), i),
    'review.get': (i) => reviews.get(i.hiRxno),
  };
}
