import { dateOnly } from '../../center/clock';
import { ReviewRepository } from '../../store/review-repository';
import { ShiftRepository } from '../../store/shift-repository';
import { StaffIdentityRepository } from '../../store/staff-identity-repository';
import type { AreaDeps } from '../area-deps';
import { openHeldOfDay } from '../reports/day-summary';
import { createReviewService } from './review-service';
import { REVIEW_UPLOAD_INFNO, reviewDeliveredHook } from './review-upload';
import { rxConflictHook } from './rx-conflict';
import { createShiftService } from './shift-service';

/** Review (审方) services of the counter; see issue "Review and dispense". */
export function createReviewArea(deps: AreaDeps) {
  const reviews = new ReviewRepository(deps.db);
  const shifts = createShiftService({
    shifts: new ShiftRepository(deps.db),
    log: deps.log,
    now: deps.now,
    openHeld: () => openHeldOfDay(deps.db, dateOnly(deps.now())),
  });
  const review = createReviewService({
    ...deps,
    reviews,
    identities: new StaffIdentityRepository(deps.db),
    shifts,
  });
  return {
    shifts,
    reviews: review,
    /** Outbox delivered-hooks by infno (wired into the worker in app-services.ts). */
    onDelivered: { [REVIEW_UPLOAD_INFNO]: reviewDeliveredHook(reviews, deps.log, deps.now) },
    /** Outbox refusal hook: 7206/7207 refused because the prescription changed at the center (R-STATUS). */
    onRefused: rxConflictHook(deps.db),
  };
}

export type ReviewArea = ReturnType<typeof createReviewArea>;
