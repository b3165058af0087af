/**
 * Log-in throttling: after MAX_FAILURES failed log-ins in a row under one user name, that name is
 * locked for LOCK_MS, whatever is typed. It applies the same way to names that are no account,
 * so neither the answer nor the lock tells whether a user exists. A success resets the count.
 */
export const MAX_FAILURES = 5;
export const LOCK_MS = 15 * 60 * 1000;
/** Failures older than this no longer count toward a lock. */
export const FAILURE_WINDOW_MS = 60 * 60 * 1000;

export interface FailureRecord {
  failures: number;
  lastFailedAt: number;
  lockedUntil: number | null;
}

export function lockedUntil(record: FailureRecord | null, now: number): number | null {
  const until = record?.lockedUntil ?? null;
  return until !== null && until > now ? until : null;
}

/** The record after one more failure at `now`; a lock running keeps its end (not extended). */
export function afterFailure(record: FailureRecord | null, now: number): FailureRecord {
  if (record && lockedUntil(record, now) !== null) return { ...record, lastFailedAt: now };
  const lockExpired = record?.lockedUntil !== null && record?.lockedUntil !== undefined;
  const counting = record && !lockExpired && now - record.lastFailedAt <= FAILURE_WINDOW_MS;
  const failures = (counting ? record.failures : 0) + 1;
  return {
    failures,
    lastFailedAt: now,
    lockedUntil: failures >= MAX_FAILURES ? now + LOCK_MS : null,
  };
}

export function lockMessage(until: number, now: number): string {
  const minutes = Math.max(1, Math.ceil((until - now) / 60_000));
  return `连续登录失败次数过多，该用户名已暂时锁定，请 ${minutes} 分钟后再试，或请管理员协助`;
}
