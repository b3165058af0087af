import { isCanonicalBase64 } from '../crypto/bytes';

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
