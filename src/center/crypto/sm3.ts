import crypto from 'node:crypto';
import { toBytes } from './bytes';
import { nativeSupport } from './native';
import { createJsSm3 } from './sm3-incremental';

/**
 * Lower-case hex SM3 digest (GB/T 32905). Strings are hashed as UTF-8. Without native SM3
 * (Electron) the typed-array implementation, about 2.5× sm-crypto's (which wants a number per
 * byte): the layout file of every prescription is hashed here.
 */
export function sm3Hex(data: Uint8Array | string): string {
  const bytes = toBytes(data);
  if (nativeSupport().sm3) return crypto.createHash('sm3').update(bytes).digest('hex');
  const hash = createJsSm3();
  hash.update(bytes);
  return hash.hex();
}

/** SM3 digest as bytes. */
export function sm3Bytes(data: Uint8Array | string): Buffer {
  return Buffer.from(sm3Hex(data), 'hex');
}
