import type { AreaDeps } from '../area-deps';
import { createComplaintService } from './complaint-service';

/** The complaint and report register (R-COMPLAINT). */
export function createComplaintsArea(deps: AreaDeps) {
  return createComplaintService({ db: deps.db, log: deps.log, now: deps.now });
}

export type ComplaintsArea = ReturnType<typeof createComplaintsArea>;
