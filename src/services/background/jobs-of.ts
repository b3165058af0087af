import type { AreaDeps } from '../area-deps';
import { type BackgroundJobs, inPlaceJobs } from './job-runner';

/** The area's background jobs: the app's job thread, or the same jobs in place without one. */
export function jobsOf(
  deps: Pick<AreaDeps, 'jobs' | 'db' | 'config' | 'catalog' | 'log'>,
): BackgroundJobs {
  return (
    deps.jobs ??
    inPlaceJobs({ db: deps.db, dataDir: deps.config.dataDir, catalog: deps.catalog, log: deps.log })
  );
}
