import crypto from 'node:crypto';
import smCrypto from 'sm-crypto';
import { toBytes } from './bytes';
import { nativeSupport } from './native';

/** Lower-case hex SM3 digest (GB/T 32905). Strings are hashed as UTF-8. */
export function sm3Hex(data: Uint8Array | string): string {
  const bytes = toBytes(data);
  if (nativeSupport().sm3) return crypto.createHash('sm3').update(bytes).digest('hex');
  return smCrypto.sm3(Array.from(bytes));
}

/** SM3 digest as bytes. */
export function sm3Bytes(data: Uint8Array | string): Buffer {
  return Buffer.from(sm3Hex(data), 'hex');
}
