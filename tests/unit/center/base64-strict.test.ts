import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64ToBytesStrict, isCanonicalBase64 } from '../../../src/center/crypto/bytes';

/** The definition itself: the standard grammar, and the text is what its bytes encode to. */
const reference = (text: string) =>
  /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text) &&
  Buffer.from(text, 'base64').toString('base64') === text;

const SYMBOLS = 'AQgw+/9z=-_ \n.';

describe('canonical Base64 check (signatures, keys, layout files)', () => {
  it('agrees with the grammar-plus-round-trip definition on 20,000 near-miss strings [R-SIGN]', () => {
    let accepted = 0;
    for (let i = 0; i < 20_000; i++) {
      const bytes = crypto.randomBytes(i % 13);
      let text = bytes.toString('base64');
      // mutate most of them: a symbol replaced, inserted or the text cut
      const at = i % Math.max(1, text.length + 1);
      const sym = SYMBOLS[i % SYMBOLS.length] ?? 'A';
      if (i % 4 === 1) text = text.slice(0, at) + sym + text.slice(at + 1);
      else if (i % 4 === 2) text = text.slice(0, at) + sym + text.slice(at);
      else if (i % 4 === 3) text = text.slice(0, at);
      const ours = isCanonicalBase64(text);
      if (ours !== reference(text)) throw new Error(`disagree on ${JSON.stringify(text)}`);
      if (ours) accepted++;
    }
    expect(accepted).toBeGreaterThan(5_000);
  });

  it('refuses non-zero padding bits, junk and bad lengths; decodes the rest [R-SIGN]', () => {
    expect(base64ToBytesStrict('QQ==')).toEqual(Buffer.from('A'));
    expect(base64ToBytesStrict('QUI=')).toEqual(Buffer.from('AB'));
    for (const bad of ['QR==', 'QUJ=', 'QQ=', 'QQ==QQ==', 'Q Q==', 'QQ-_', '====', 'A==='])
      expect(base64ToBytesStrict(bad), bad).toBeNull();
    const long = crypto.randomBytes(30_000).toString('base64');
    expect(base64ToBytesStrict(long)?.toString('base64')).toBe(long);
  });
});
