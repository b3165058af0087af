import crypto from 'node:crypto';
import smCrypto from 'sm-crypto';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SM2_USER_ID,
  generateSm2KeyPair,
  sm2SignFast,
  sm2Verify,
  sm2VerifyFast,
} from '../../../src/center/crypto';
import { bigIntToBytes } from '../../../src/center/crypto/bytes';
import { SM2_N } from '../../../src/center/crypto/sm2-curve';
import { tryParseSm2PublicKey } from '../../../src/center/crypto/sm2-keys';
import { clearSm2KeyCache, sm2VerifyParsed } from '../../../src/center/crypto/sm2-verify-js';

const b64ToHex = (s: string) => Buffer.from(s, 'base64').toString('hex');
const rawSig = (r: bigint, s: bigint) =>
  Buffer.concat([bigIntToBytes(r, 32), bigIntToBytes(s, 32)]).toString('base64');

describe('pure-JS SM2 verification (@noble/curves arithmetic; the Electron path)', () => {
  it('agrees with OpenSSL and sm-crypto on signatures from both, and on every altered one [R-SIGN]', () => {
    const userIds = [DEFAULT_SM2_USER_ID, '', '药师甲', 'ALICE123@YAHOO.COM'];
    for (let i = 0; i < 40; i++) {
      const kp = generateSm2KeyPair();
      const userId = userIds[i % userIds.length] as string;
      const msg = crypto.randomBytes(1 + i * 37);
      const byOpenSsl = sm2SignFast(msg, kp.privateKey, userId);
      const bySmCrypto = Buffer.from(
        smCrypto.sm2.doSignature(Array.from(msg), b64ToHex(kp.privateKey), {
          hash: true,
          der: false,
          userId,
        }),
        'hex',
      ).toString('base64');
      for (const sig of [byOpenSsl, bySmCrypto]) {
        expect(sm2Verify(msg, sig, kp.publicKey, userId)).toBe(true);
        const bytes = Buffer.from(sig, 'base64');
        bytes[i % 64] = (bytes[i % 64] ?? 0) ^ (1 << (i % 8));
        const altered = bytes.toString('base64');
        expect(sm2Verify(msg, altered, kp.publicKey, userId)).toBe(
          sm2VerifyFast(msg, altered, kp.publicKey, userId),
        );
        expect(sm2Verify(msg, altered, kp.publicKey, userId)).toBe(false);
        expect(sm2Verify(Buffer.concat([msg, Buffer.from([0])]), sig, kp.publicKey, userId)).toBe(
          false,
        );
        expect(sm2Verify(msg, sig, kp.publicKey, `${userId}1`)).toBe(false);
        expect(sm2Verify(msg, sig, generateSm2KeyPair().publicKey, userId)).toBe(false);
      }
    }
  });

  it('refuses r + s = n (t = 0) and the largest scalars without throwing [R-SIGN]', () => {
    const kp = generateSm2KeyPair();
    const point = tryParseSm2PublicKey(kp.publicKey);
    if (!point) throw new Error('bad key');
    expect(sm2VerifyParsed('m', 1n, SM2_N - 1n, point, DEFAULT_SM2_USER_ID)).toBe(false);
    expect(sm2Verify('m', rawSig(5n, SM2_N - 5n), kp.publicKey)).toBe(false);
    expect(sm2Verify('m', rawSig(SM2_N - 1n, SM2_N - 1n), kp.publicKey)).toBe(false);
    expect(sm2Verify('m', rawSig(0n, 1n), kp.publicKey)).toBe(false);
    expect(sm2Verify('m', rawSig(SM2_N, 1n), kp.publicKey)).toBe(false);
  });
  it('gives OpenSSL’s verdict on a key’s first use, the use that builds its table and every later one, per user id [R-SIGN][issue 20 verify]', () => {
    clearSm2KeyCache();
    const kp = generateSm2KeyPair();
    const other = generateSm2KeyPair();
    const userIds = [DEFAULT_SM2_USER_ID, '药师甲'];
    for (let i = 0; i < 12; i++) {
      const userId = userIds[i % 2] as string;
      const msg = crypto.randomBytes(20 + i);
      const sig = sm2SignFast(msg, kp.privateKey, userId);
      const wrongId = userIds[(i + 1) % 2] as string;
      const forged = sm2SignFast(msg, other.privateKey, userId);
      for (const [m, s, id] of [
        [msg, sig, userId],
        [msg, sig, wrongId],
        [msg, forged, userId],
        [Buffer.concat([msg, Buffer.from('x')]), sig, userId],
      ] as const) {
        expect(sm2Verify(m, s, kp.publicKey, id)).toBe(sm2VerifyFast(m, s, kp.publicKey, id));
      }
      expect(sm2Verify(msg, sig, kp.publicKey, userId)).toBe(true);
    }
  });
});
