import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sm3Hex } from '../../../src/center/crypto';
import { createJsSm3, createSm3 } from '../../../src/center/crypto/sm3-incremental';

const digest = (make: typeof createSm3, chunks: readonly Uint8Array[]) => {
  const h = make();
  for (const c of chunks) h.update(c);
  return h.hex();
};

describe('SM3 fed chunk by chunk (archive exports in the desktop shell)', () => {
  it('matches the GB/T 32905 vectors in pure JavaScript [R-PAPER-KEEP]', () => {
    expect(digest(createJsSm3, [Buffer.from('abc')])).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
    expect(digest(createJsSm3, [Buffer.from('abcd'.repeat(16))])).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });

  it('agrees with OpenSSL for every padding boundary and any chunking [R-PAPER-KEEP]', () => {
    for (const size of [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000, 70_001]) {
      const data = crypto.randomBytes(size);
      const cut = Math.floor(size / 3);
      const chunks = [data.subarray(0, cut), data.subarray(cut, cut + 7), data.subarray(cut + 7)];
      expect(digest(createJsSm3, chunks), `${size} bytes`).toBe(sm3Hex(data));
      expect(digest(createSm3, chunks), `${size} bytes`).toBe(sm3Hex(data));
    }
  });
});
