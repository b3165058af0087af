import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Request signing between a counter and its store server (docs/store-server.md, "Auth"):
 * HMAC-SHA256 with the counter's registered secret over institution, counter, method,
 * timestamp, nonce and the SHA-256 of the body. The server refuses a timestamp outside the
 * replay window and a nonce it has seen from that counter.
 */
export const STORE_REPLAY_WINDOW_MS = 60_000;

export interface SignedHeaders {
  'x-store-counter': string;
  'x-store-timestamp': string;
  'x-store-nonce': string;
  'x-store-signature': string;
}

export function signingString(p: {
  institution: string;
  counterId: string;
  method: string;
  timestamp: string;
  nonce: string;
  body: string;
}): string {
  const digest = createHash('sha256').update(p.body, 'utf8').digest('hex');
  return [p.institution, p.counterId, p.method, p.timestamp, p.nonce, digest].join('\n');
}

export function signature(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text, 'utf8').digest('hex');
}

export function signStoreRequest(p: {
  institution: string;
  counterId: string;
  secret: string;
  method: string;
  body: string;
  now: number;
}): SignedHeaders {
  const timestamp = String(p.now);
  const nonce = randomBytes(16).toString('hex');
  const text = signingString({ ...p, timestamp, nonce });
  return {
    'x-store-counter': p.counterId,
    'x-store-timestamp': timestamp,
    'x-store-nonce': nonce,
    'x-store-signature': signature(p.secret, text),
  };
}

export function signatureMatches(expectedHex: string, givenHex: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(givenHex)) return false;
  return timingSafeEqual(Buffer.from(expectedHex, 'hex'), Buffer.from(givenHex, 'hex'));
}
