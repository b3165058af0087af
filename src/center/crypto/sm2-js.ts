import crypto from 'node:crypto';
import smCrypto, { type KeyPairPoint } from 'sm-crypto';
import { base64ToBytesStrict, bigIntToBytes, bytesToBigInt, toBytes } from './bytes';
import { DEFAULT_SM2_USER_ID, SM2_N } from './sm2-curve';
import { parseSm2PrivateKey, publicPointFromPrivate, tryParseSm2PublicKey } from './sm2-keys';
import { sm2VerifyParsed } from './sm2-verify-js';

/**
 * SM3withSM2 signature (GB/T 32918.2) with Z(userId), through sm-crypto (pure JS: works in
 * Electron too). Returns Base64 of raw r‖s (64 bytes). Signing is rare (one per request sent);
 * verification, done for every prescription, has its own faster path (sm2-verify-js.ts).
 */
export function sm2Sign(
  message: Uint8Array | string,
  privateKeyB64: string,
  userId: string = DEFAULT_SM2_USER_ID,
): string {
  const d = parseSm2PrivateKey(privateKeyB64);
  const signatureHex = smCrypto.sm2.doSignature(Array.from(toBytes(message)), d.toString('hex'), {
    hash: true,
    der: false,
    userId,
    publicKey: publicPointFromPrivate(d).toString('hex'),
    pointPool: [freshNoncePoint()],
  });
  return Buffer.from(signatureHex, 'hex').toString('base64');
}

/**
 * Verifies a Base64 raw r‖s SM3withSM2 signature. Never throws: anything malformed is `false`.
 * Pure JS on @noble/curves' point arithmetic (about 2 ms, where sm-crypto's took 25 ms): the
 * path Electron takes, its BoringSSL having no SM2.
 */
export function sm2Verify(
  message: Uint8Array | string,
  signatureB64: string,
  publicKeyB64: string,
  userId: string = DEFAULT_SM2_USER_ID,
): boolean {
  try {
    const raw = parseRawSignature(signatureB64);
    const point = tryParseSm2PublicKey(publicKeyB64);
    if (!raw || !point || typeof userId !== 'string') return false;
    if (typeof message !== 'string' && !(message instanceof Uint8Array)) return false;
    const r = bytesToBigInt(raw.subarray(0, 32));
    const s = bytesToBigInt(raw.subarray(32));
    return sm2VerifyParsed(message, r, s, point, userId);
  } catch {
    return false;
  }
}

/** 64 raw bytes with r and s in [1, n-1], or null. */
export function parseRawSignature(signatureB64: unknown): Buffer | null {
  if (typeof signatureB64 !== 'string') return null;
  const raw = base64ToBytesStrict(signatureB64);
  if (raw?.length !== 64) return null;
  const r = bytesToBigInt(raw.subarray(0, 32));
  const s = bytesToBigInt(raw.subarray(32));
  return r >= 1n && r < SM2_N && s >= 1n && s < SM2_N ? raw : null;
}

/**
 * sm-crypto draws the per-signature nonce k from an RC4 stream seeded once; we hand it a
 * nonce point from the platform CSPRNG instead (its documented `pointPool` option).
 */
function freshNoncePoint(): KeyPairPoint {
  const k = (bytesToBigInt(crypto.randomBytes(40)) % (SM2_N - 1n)) + 1n;
  const kBytes = bigIntToBytes(k, 32);
  const point = publicPointFromPrivate(kBytes);
  const BigInteger = jsbnBigInteger();
  return {
    privateKey: kBytes.toString('hex'),
    publicKey: point.toString('hex'),
    k: new BigInteger(kBytes.toString('hex'), 16),
    x1: new BigInteger(point.subarray(1, 33).toString('hex'), 16),
  };
}

type BigIntegerCtor = new (value: string, radix: number) => KeyPairPoint['k'];
let bigIntegerCtor: BigIntegerCtor | undefined;

/** sm-crypto's own jsbn BigInteger class (taken from one of its points, so no extra dependency). */
function jsbnBigInteger(): BigIntegerCtor {
  bigIntegerCtor ??= smCrypto.sm2.getPoint().k.constructor as unknown as BigIntegerCtor;
  return bigIntegerCtor;
}
