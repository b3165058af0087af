import type { IncomingHttpHeaders } from 'node:http';
import type { Pool } from 'pg';
import {
  STORE_REPLAY_WINDOW_MS,
  signature,
  signatureMatches,
  signingString,
} from '../contract/store-protocol-auth';
import { StoreError } from './store-error';

/**
 * Checks a request's signature (HMAC-SHA256 with the counter's secret) and its timestamp against
 * the replay window; returns the counter and the nonce, which claimNonce records.
 */
export function authenticate(p: {
  institution: string;
  counters: ReadonlyMap<string, string>;
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
  now: number;
}): { counterId: string; nonce: string } {
  const header = (name: string) => {
    const v = p.headers[name];
    return typeof v === 'string' ? v : '';
  };
  const counterId = header('x-store-counter');
  const timestamp = header('x-store-timestamp');
  const nonce = header('x-store-nonce');
  const given = header('x-store-signature');
  const secret = p.counters.get(counterId);
  if (!secret || !/^\d{1,16}$/.test(timestamp) || !/^[0-9a-f]{16,64}$/.test(nonce)) {
    throw new StoreError('UNAUTHENTICATED', '柜台未在本门店服务器登记或请求缺少签名，已拒绝');
  }
  const text = signingString({
    institution: p.institution,
    counterId,
    method: p.method,
    timestamp,
    nonce,
    body: p.body,
  });
  if (!signatureMatches(signature(secret, text), given)) {
    throw new StoreError('UNAUTHENTICATED', `柜台 ${counterId} 的请求签名不符，已拒绝`);
  }
  if (Math.abs(p.now - Number(timestamp)) > STORE_REPLAY_WINDOW_MS) {
    throw new StoreError(
      'REPLAYED',
      '请求时间与门店服务器相差超过 60 秒（过期或重放的请求），已拒绝；请核对柜台电脑时间',
    );
  }
  return { counterId, nonce };
}

/**
 * Records a request's nonce; a nonce seen before from that counter is a replay. Kept in
 * PostgreSQL (in the mutation's own transaction where there is one), so a replay is refused
 * after a restart too.
 */
export async function claimNonce(
  db: Pick<Pool, 'query'>,
  counterId: string,
  nonce: string,
): Promise<void> {
  const fresh = await db.query(
    'INSERT INTO request_nonces (counter_id, nonce) VALUES ($1, $2) ON CONFLICT DO NOTHING',
    [counterId, nonce],
  );
  if (fresh.rowCount !== 1) {
    throw new StoreError('REPLAYED', '同一请求已收到过（重放的请求），已拒绝');
  }
}

/** Nonces older than twice the window can no longer be replayed (the timestamp check refuses them). */
export async function pruneNonces(pool: Pool): Promise<void> {
  await pool.query('DELETE FROM request_nonces WHERE seen_at < now() - $1::interval', [
    `${(2 * STORE_REPLAY_WINDOW_MS) / 1000} seconds`,
  ]);
}
