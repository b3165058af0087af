import pg from 'pg';

export type Client = pg.PoolClient;

/** The pharmacy's PostgreSQL, as a pool; timestamps come back as ms numbers where we ask for them. */
export function createPool(databaseUrl: string, max = 20): pg.Pool {
  return new pg.Pool({ connectionString: databaseUrl, max, idleTimeoutMillis: 30_000 });
}

/** Deadlock and serialization failures: the whole transaction may simply be run again. */
export function isRetryable(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  return code === '40P01' || code === '40001';
}

export function ms(t: Date | string | number): number {
  return t instanceof Date ? t.getTime() : new Date(t).getTime();
}
