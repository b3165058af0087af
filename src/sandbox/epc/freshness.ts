import { EPC_CODES } from './codes';

export interface FreshnessRefusal {
  code: number;
  message: string;
}

const PURGE_EVERY_MS = 60_000;

/**
 * center-protocol §2 "Freshness": a correctly signed request is refused when its `timestamp`
 * (ms) is more than `windowSeconds` from the center's real clock, and when the same
 * (appId, timestamp, signData) was already accepted within twice that window. Older repeats
 * need no memory: their timestamp is stale by then. Call only after the signature verified, so
 * unsigned junk cannot fill the memory or block a genuine request.
 *
 * The seen set lives in memory: a sandbox restart forgets it, which costs at most one replay
 * window of protection in a test stand-in (the real center is the one that must persist it).
 */
export class EpcFreshness {
  private readonly seen = new Map<string, number>();
  private lastPurge = 0;

  constructor(private readonly windowSeconds: number) {}

  check(
    envelope: { appId: string; timestamp: unknown; signData: unknown },
    nowMs: number,
  ): FreshnessRefusal | null {
    const stamp = Number(envelope.timestamp);
    const windowMs = this.windowSeconds * 1000;
    if (!Number.isSafeInteger(stamp) || Math.abs(nowMs - stamp) > windowMs) {
      const hint = String(envelope.timestamp).length <= 10 ? '（看起来是秒，应为毫秒）' : '';
      return {
        code: EPC_CODES.staleTimestamp,
        message: `请求时间戳（timestamp）与中心时间相差超过 ${this.windowSeconds} 秒${hint}，请校准系统时间`,
      };
    }
    this.purge(nowMs);
    const key = `${envelope.appId}\n${stamp}\n${String(envelope.signData)}`;
    if (this.seen.has(key)) {
      return {
        code: EPC_CODES.replayed,
        message: '重复的请求（相同 appId、timestamp 与签名），疑似重放，已拒绝',
      };
    }
    this.seen.set(key, nowMs);
    return null;
  }

  private purge(nowMs: number): void {
    if (nowMs - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = nowMs;
    const keepAfter = nowMs - 2 * this.windowSeconds * 1000;
    for (const [key, seenAt] of this.seen) if (seenAt < keepAfter) this.seen.delete(key);
  }
}
