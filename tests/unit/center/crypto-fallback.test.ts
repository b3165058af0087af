import crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';

// Electron's main process links BoringSSL: no sm3, sm4 or SM2. Force that situation.
vi.mock('../../../src/center/crypto/native', () => ({
  nativeSupport: () => ({ sm3: false, sm4Ecb: false, sm2: false }),
}));

const {
  deriveSm4Key,
  generateSm2KeyPair,
  sm2NativeAvailable,
  sm2SignFast,
  sm2Verify,
  sm2VerifyFast,
  sm3Hex,
  sm4EcbDecrypt,
  sm4EcbEncrypt,
  sm4EcbEncryptNoPadding,
  openRequest,
  sealRequest,
} = await import('../../../src/center/crypto');

describe('pure-JS fallback (no OpenSSL national algorithms, as inside Electron)', () => {
  it('still meets the SM3 and SM4 standard vectors [ARCH]', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    expect(sm4EcbEncryptNoPadding(key, key).toString('hex')).toBe(
      '681edf34d206965e86b3e94f536e4246',
    );
  });

  it('hashes layout files exactly as OpenSSL does, at every length around a block [R-LAYOUT][issue 20 verify]', () => {
    const file = crypto.randomBytes(20 * 1024 + 130);
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 20 * 1024, file.length]) {
      const bytes = file.subarray(0, n);
      expect(sm3Hex(bytes)).toBe(crypto.createHash('sm3').update(bytes).digest('hex'));
    }
  });

  it('encrypts with the same PKCS#7 bytes (pinned from OpenSSL) and detects bad padding itself [ARCH]', () => {
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    // printf abc | openssl enc -sm4-ecb -K 0123456789abcdeffedcba9876543210 | xxd -p
    const cipher = sm4EcbEncrypt(key, Buffer.from('abc'));
    expect(cipher.toString('hex')).toBe('1055435b9ece612344f8e10016c4943b');
    expect(sm4EcbDecrypt(key, cipher).toString()).toBe('abc');
    const broken = Buffer.from(cipher);
    broken[15] = (broken[15] ?? 0) ^ 1;
    expect(() => sm4EcbDecrypt(key, broken)).toThrow(/填充/);
    expect(
      deriveSm4Key(
        'A885A09ABC0A5E04C0D09A0A3B422A0C',
        '36E81734FC24CE2F183806B2A46DAB99',
      ).toString(),
    ).toBe('327F2B63778908DA');
  });

  it('keeps the fast SM2 API working through sm-crypto, envelope included [ARCH]', () => {
    expect(sm2NativeAvailable()).toBe(false);
    const app = generateSm2KeyPair();
    const signature = sm2SignFast('m', app.privateKey);
    expect(sm2Verify('m', signature, app.publicKey)).toBe(true);
    expect(sm2VerifyFast('m', signature, app.publicKey)).toBe(true);
    expect(sm2VerifyFast('n', signature, app.publicKey)).toBe(false);
    const keys = {
      appId: 'A885A09ABC0A5E04C0D09A0A3B422A0C',
      appSecret: '36E81734FC24CE2F183806B2A46DAB99',
      privateKey: app.privateKey,
      peerPublicKey: app.publicKey,
      sm2Engine: 'native' as const,
    };
    expect(openRequest(sealRequest({ hiRxno: 'RX1' }, keys), keys)).toEqual({ hiRxno: 'RX1' });
  });
});
