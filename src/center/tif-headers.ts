import { createHash, randomBytes } from 'node:crypto';

/** The gateway signature: lower-hex SHA-256(timestamp + paasToken + nonce + timestamp). */
export function tifSignature(timestamp: string, paasToken: string, nonce: string): string {
  return createHash('sha256')
    .update(`${timestamp}${paasToken}${nonce}${timestamp}`, 'utf8')
    .digest('hex');
}

/** The FSI gateway (TIF) headers for one request; a fresh nonce and timestamp each time. */
export function tifHeaders(
  paasid: string,
  paasToken: string,
  nowSeconds: number = Math.floor(Date.now() / 1000),
  nonce: string = randomBytes(16).toString('hex'),
): Record<string, string> {
  const timestamp = String(nowSeconds);
  return {
    'x-tif-paasid': paasid,
    'x-tif-timestamp': timestamp,
    'x-tif-nonce': nonce,
    'x-tif-signature': tifSignature(timestamp, paasToken, nonce),
  };
}
