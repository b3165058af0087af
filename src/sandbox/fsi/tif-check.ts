import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { tifSignature } from '../../center/tif-headers';
import type { SandboxConfig } from '../config';
import type { SandboxDb } from '../db';

export interface TifFailure {
  status: 401 | 403;
  type: 'tif_missing' | 'tif_paasid' | 'tif_timestamp' | 'tif_nonce' | 'tif_signature';
  message: string;
}

const HEADERS = ['x-tif-paasid', 'x-tif-timestamp', 'x-tif-nonce', 'x-tif-signature'] as const;
const PURGE_EVERY_MS = 60_000;

/**
 * The gateway's check of the TIF headers: known paasid, timestamp (seconds) within the skew,
 * signature = lower-hex SHA-256(timestamp + paasToken + nonce + timestamp), nonce unused within
 * twice the skew. Only correctly signed nonces are remembered.
 */
export class TifChecker {
  private lastPurge = 0;

  constructor(
    private readonly db: SandboxDb,
    private readonly config: SandboxConfig,
  ) {}

  check(headers: IncomingHttpHeaders, nowMs: number): TifFailure | null {
    const values: Partial<Record<(typeof HEADERS)[number], string>> = {};
    const missing: string[] = [];
    for (const name of HEADERS) {
      const v = headers[name];
      if (typeof v === 'string' && v !== '') values[name] = v;
      else missing.push(name);
    }
    const { 'x-tif-paasid': paasid, 'x-tif-timestamp': timestamp, 'x-tif-nonce': nonce } = values;
    const signature = values['x-tif-signature'];
    if (!paasid || !timestamp || !nonce || !signature) {
      return {
        status: 401,
        type: 'tif_missing',
        message: `缺少网关认证请求头：${missing.join('、')}`,
      };
    }
    if (paasid !== this.config.fsi.paasid) {
      return {
        status: 403,
        type: 'tif_paasid',
        message: `未登记的接入方（x-tif-paasid）：${paasid}`,
      };
    }
    if (!/^\d{1,13}$/.test(timestamp)) {
      return {
        status: 401,
        type: 'tif_timestamp',
        message: 'x-tif-timestamp 应为 Unix 时间戳（秒）',
      };
    }
    const skew = this.config.fsi.timestampSkewSeconds;
    if (Math.abs(nowMs / 1000 - Number(timestamp)) > skew) {
      const hint = timestamp.length >= 13 ? '（看起来是毫秒，应为秒）' : '';
      return {
        status: 401,
        type: 'tif_timestamp',
        message: `x-tif-timestamp 与中心时间相差超过 ${skew} 秒${hint}`,
      };
    }
    if (!/^[\x21-\x7e]{1,64}$/.test(nonce)) {
      return { status: 401, type: 'tif_nonce', message: 'x-tif-nonce 应为 1–64 个可见 ASCII 字符' };
    }
    const expected = Buffer.from(tifSignature(timestamp, this.config.fsi.paasToken, nonce), 'utf8');
    const given = Buffer.from(signature.toLowerCase(), 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return { status: 403, type: 'tif_signature', message: '网关签名（x-tif-signature）校验失败' };
    }
    this.purge(nowMs);
    const fresh = this.db
      .prepare('INSERT OR IGNORE INTO tif_nonces (paasid, nonce, seen_at) VALUES (?, ?, ?)')
      .run(paasid, nonce, nowMs).changes;
    if (fresh === 0) {
      return {
        status: 401,
        type: 'tif_nonce',
        message: '随机串（x-tif-nonce）已被使用，疑似重放请求',
      };
    }
    return null;
  }

  private purge(nowMs: number): void {
    if (nowMs - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = nowMs;
    const windowMs = 2 * this.config.fsi.timestampSkewSeconds * 1000;
    this.db.prepare('DELETE FROM tif_nonces WHERE seen_at < ?').run(nowMs - windowMs);
  }
}
