import type { AreaDeps } from '../area-deps';

/** Review (审方) services of the counter; see issue "Review and dispense". */
export function createReviewArea(_deps: AreaDeps) {
  return {};
}

export type ReviewArea = ReturnType<typeof createReviewArea>;
