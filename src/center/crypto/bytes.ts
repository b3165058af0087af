/** Byte helpers shared by the national-crypto module (no Node-only APIs beyond Buffer). */

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function toBytes(data: Uint8Array | string): Uint8Array {
  return typeof data === 'string' ? utf8.encode(data) : data;
}

/** Decodes UTF-8, throwing on invalid sequences instead of inserting U+FFFD. */
export function decodeUtf8Strict(bytes: Uint8Array): string {
  return strictUtf8.decode(bytes);
}

const HEX_RE = /^(?:[0-9a-fA-F]{2})*$/;

/** Hex of either case to bytes; null when the text is not whole bytes of hex. */
export function hexToBytesStrict(hex: string): Buffer | null {
  return HEX_RE.test(hex) ? Buffer.from(hex, 'hex') : null;
}

/** Alphabet and padding only; length and padding bits are checked apart (much faster on long text). */
const BASE64_CHARS = /^[A-Za-z0-9+/]*={0,2}$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Canonical standard Base64 (padding required, unused bits zero): Buffer's decoder skips junk
 * and ignores padding bits, which would let two different texts carry the same bytes (and the
 * same signature).
 */
export function isCanonicalBase64(text: string): boolean {
  if (text.length % 4 !== 0 || !BASE64_CHARS.test(text)) return false;
  if (text.endsWith('==')) return (ALPHABET.indexOf(text.charAt(text.length - 3)) & 0x0f) === 0;
  if (text.endsWith('=')) return (ALPHABET.indexOf(text.charAt(text.length - 2)) & 0x03) === 0;
  return true;
}

/** Canonical standard Base64 to bytes; null for anything else. */
export function base64ToBytesStrict(text: string): Buffer | null {
  return isCanonicalBase64(text) ? Buffer.from(text, 'base64') : null;
}

export function bytesToBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
}

export function bigIntToBytes(value: bigint, length: number): Buffer {
  const hex = value.toString(16).padStart(length * 2, '0');
  if (hex.length > length * 2) throw new RangeError(`integer does not fit in ${length} bytes`);
  return Buffer.from(hex, 'hex');
}
