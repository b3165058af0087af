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

const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Canonical standard Base64 only: Buffer.from(…, 'base64') silently skips junk and ignores
 * non-zero padding bits, which would let two different strings carry the same signature.
 */
export function base64ToBytesStrict(text: string): Buffer | null {
  if (!BASE64_RE.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}

export function bytesToBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
}

export function bigIntToBytes(value: bigint, length: number): Buffer {
  const hex = value.toString(16).padStart(length * 2, '0');
  if (hex.length > length * 2) throw new RangeError(`integer does not fit in ${length} bytes`);
  return Buffer.from(hex, 'hex');
}
