import { afterAll, beforeAll } from 'vitest';
import { type PgCluster, startPgCluster } from '../../../../scripts/lib/pg-cluster';

/**
 * One throwaway PostgreSQL cluster for the calling test file (scripts/lib/pg-cluster.ts), dropped
 * afterwards. Without PostgreSQL the file fails with the install hint, in CI and locally: these
 * tests are the proof of the store server and are never skipped.
 */
export function postgresForThisFile(): { url: () => string } {
  let cluster: PgCluster | undefined;
  beforeAll(async () => {
    cluster = await startPgCluster({ fastUnsafe: true });
  }, 120_000);
  afterAll(() => cluster?.stop());
  return {
    url: () => {
      if (!cluster) throw new Error('PostgreSQL 集群未启动');
      return cluster.url;
    },
  };
}
