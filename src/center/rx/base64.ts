const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Canonical standard Base64 (padding required, unused bits zero): Buffer's decoder skips junk
 * and ignores padding bits, which would let two different texts carry the same bytes.
 */
export function isCanonicalBase64(text: string): boolean {
  if (!BASE64_RE.test(text)) return false;
  if (text.endsWith('==')) return (ALPHABET.indexOf(text.charAt(text.length - 3)) & 0x0f) === 0;
  if (text.endsWith('=')) return (ALPHABET.indexOf(text.charAt(text.length - 2)) & 0x03) === 0;
  return true;
}

export function decodeBase64Strict(text: string): Buffer | null {
  return isCanonicalBase64(text) ? Buffer.from(text, 'base64') : null;
}

/**
 * A reusable decode buffer for bulk work: decodes into the same memory each time (growing it
 * when needed) and returns a view that is valid until the next call.
 */
export class Base64Scratch {
  private buffer = Buffer.alloc(64 * 1024);

  decode(text: string): Buffer | null {
    if (!isCanonicalBase64(text)) return null;
    const need = (text.length / 4) * 3;
    if (need > this.buffer.length)
      this.buffer = Buffer.alloc(Math.max(need, this.buffer.length * 2));
    const n = this.buffer.write(text, 0, 'base64');
    return this.buffer.subarray(0, n);
  }
}
