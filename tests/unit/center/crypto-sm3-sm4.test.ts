import crypto from 'node:crypto';
import smCrypto from 'sm-crypto';
import { describe, expect, it } from 'vitest';
import {
  deriveSm4Key,
  nativeSupport,
  sm3Hex,
  sm4EcbDecrypt,
  sm4EcbEncrypt,
  sm4EcbEncryptNoPadding,
} from '../../../src/center/crypto';

const hex = (s: string) => Buffer.from(s, 'hex');

describe('SM3 (GB/T 32905)', () => {
  it('runs natively on Node 20 / OpenSSL 3 [ARCH]', () => {
    expect(nativeSupport()).toEqual({ sm3: true, sm4Ecb: true, sm2: true });
  });

  it('matches the standard vectors, natively and in sm-crypto [ARCH]', () => {
    const vectors: [string, string][] = [
      ['abc', '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0'],
      ['abcd'.repeat(16), 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732'],
    ];
    for (const [input, digest] of vectors) {
      expect(sm3Hex(input)).toBe(digest);
      expect(sm3Hex(Buffer.from(input))).toBe(digest);
      expect(smCrypto.sm3(input)).toBe(digest);
    }
  });

  it('hashes strings as UTF-8 and agrees with sm-crypto on random data [ARCH]', () => {
    expect(sm3Hex('处方')).toBe(sm3Hex(Buffer.from('处方', 'utf8')));
    for (let i = 0; i < 50; i++) {
      const data = crypto.randomBytes(i * 37);
      expect(sm3Hex(data)).toBe(smCrypto.sm3(Array.from(data)));
    }
  });
});

describe('SM4-ECB (GB/T 32907)', () => {
  const key = hex('0123456789abcdeffedcba9876543210');

  it('matches the standard single-block vector, natively and in sm-crypto [ARCH]', () => {
    const expected = '681edf34d206965e86b3e94f536e4246';
    expect(sm4EcbEncryptNoPadding(key, key).toString('hex')).toBe(expected);
    const js = smCrypto.sm4.encrypt(Array.from(key), Array.from(key), {
      padding: 'none',
      output: 'array',
    });
    expect(Buffer.from(js).toString('hex')).toBe(expected);
  });

  it('pads with PKCS#7 exactly like sm-crypto and round-trips [ARCH]', () => {
    for (let len = 0; len <= 48; len++) {
      const plain = crypto.randomBytes(len);
      const cipher = sm4EcbEncrypt(key, plain);
      expect(cipher.length).toBe((Math.floor(len / 16) + 1) * 16);
      const js = smCrypto.sm4.encrypt(Array.from(plain), Array.from(key), {
        padding: 'pkcs#7',
        output: 'array',
      });
      expect(cipher.toString('hex')).toBe(Buffer.from(js).toString('hex'));
      expect(sm4EcbDecrypt(key, cipher).equals(plain)).toBe(true);
    }
  });

  it('refuses a wrong key, a bad length or a bad padding instead of returning garbage [ARCH]', () => {
    const cipher = sm4EcbEncrypt(key, Buffer.from('{"a":1}'));
    expect(() => sm4EcbDecrypt(key, cipher.subarray(0, 15))).toThrow(/长度/);
    expect(() => sm4EcbDecrypt(key, Buffer.alloc(0))).toThrow(/长度/);
    const wrongKey = Buffer.from('ffffffffffffffffffffffffffffffff', 'hex');
    // A wrong key leaves a valid-looking padding byte only ~1/256 of the time; this pair does not.
    expect(() => sm4EcbDecrypt(wrongKey, cipher)).toThrow(/填充/);
    expect(() => sm4EcbEncrypt(Buffer.alloc(15), Buffer.alloc(1))).toThrow(/16 字节/);
  });

  it('derives the EPC working key as the SDK does (k1 = appId[0..16), upper hex of SM4(appSecret)) [ARCH]', () => {
    const appId = 'A885A09ABC0A5E04C0D09A0A3B422A0C';
    const appSecret = '36E81734FC24CE2F183806B2A46DAB99';
    const t = smCrypto.sm4.encrypt(appSecret, Buffer.from(appId.slice(0, 16)).toString('hex'));
    const expected = t.toUpperCase().slice(0, 16);
    const key = deriveSm4Key(appId, appSecret);
    expect(key.toString('ascii')).toBe(expected);
    expect(key.toString('ascii')).toMatch(/^[0-9A-F]{16}$/);
    expect(() => deriveSm4Key('short', appSecret)).toThrow(/appId/);
  });
});
