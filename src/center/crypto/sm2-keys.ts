import crypto from 'node:crypto';
import smCrypto from 'sm-crypto';
import { base64ToBytesStrict, bigIntToBytes, bytesToBigInt } from './bytes';
import {
  decodeOid,
  encodeOid,
  encodeSequence,
  encodeTlv,
  expectTag,
  fromPem,
  readChildren,
  readSingle,
  TAG,
  toPem,
} from './der';
import { nativeSupport } from './native';
import { EC_PUBLIC_KEY_OID, isOnCurve, SM2_CURVE_OID, SM2_N } from './sm2-curve';

/**
 * Our key formats (research §1.4): private = Base64 of the 32-byte scalar; public = Base64 of the
 * 65-byte uncompressed point 04‖X‖Y.
 */

/**
 * A scalar written as a minimal big-endian integer (Java's BigInteger.toByteArray, a DER
 * INTEGER's content) has a 0x00 sign byte in front when its top bit is set (33 bytes) and
 * drops its leading zero bytes: 31 bytes for about one key in 256, 30 for one in 65,536.
 * Anything shorter is far likelier another kind of key pasted by mistake than a real scalar.
 */
const MIN_SCALAR_BYTES = 30;

export function parseSm2PrivateKey(privateKeyB64: string): Buffer {
  const bytes = scalarBytes(base64ToBytesStrict(privateKeyB64.trim()));
  if (!bytes) throw new Error('SM2 私钥格式无效：应为 32 字节标量的 Base64');
  const d = bytesToBigInt(bytes);
  if (d < 1n || d > SM2_N - 2n) throw new Error('SM2 私钥超出有效范围 [1, n-2]');
  return bytes;
}

/** The 32-byte scalar from its minimal or fixed-width form; null for any other length. */
function scalarBytes(bytes: Buffer | null): Buffer | null {
  if (!bytes) return null;
  if (bytes.length === 33 && bytes[0] === 0) return Buffer.from(bytes.subarray(1));
  if (bytes.length < MIN_SCALAR_BYTES || bytes.length > 32) return null;
  return Buffer.concat([Buffer.alloc(32 - bytes.length), bytes]);
}

export function parseSm2PublicKey(publicKeyB64: string): Buffer {
  const point = tryParseSm2PublicKey(publicKeyB64);
  if (!point)
    throw new Error('SM2 公钥格式无效：应为 65 字节未压缩点（04‖X‖Y）的 Base64，且在曲线上');
  return point;
}

/** The 65-byte point, or null when the text is not a valid SM2 public key. Never throws. */
export function tryParseSm2PublicKey(publicKeyB64: unknown): Buffer | null {
  if (typeof publicKeyB64 !== 'string') return null;
  let bytes = base64ToBytesStrict(publicKeyB64.trim());
  if (bytes && bytes.length === 64) bytes = Buffer.concat([Buffer.from([4]), bytes]);
  if (bytes?.length !== 65 || bytes[0] !== 4) return null;
  const x = bytesToBigInt(bytes.subarray(1, 33));
  const y = bytesToBigInt(bytes.subarray(33));
  return isOnCurve(x, y) ? bytes : null;
}

export function sm2PublicKeyFromPrivate(privateKeyB64: string): string {
  return publicPointFromPrivate(parseSm2PrivateKey(privateKeyB64)).toString('base64');
}

export function publicPointFromPrivate(d: Buffer): Buffer {
  if (nativeSupport().sm2) {
    const ecdh = crypto.createECDH('SM2');
    ecdh.setPrivateKey(d);
    return ecdh.getPublicKey();
  }
  const sm2 = smCrypto.sm2 as unknown as { getPublicKeyFromPrivateKey(hex: string): string };
  return Buffer.from(sm2.getPublicKeyFromPrivateKey(d.toString('hex')), 'hex');
}

/** A fresh key pair from the platform CSPRNG. */
export function generateSm2KeyPair(): { privateKey: string; publicKey: string } {
  // 40 random bytes reduced mod (n-2) keeps the bias below 2^-64.
  const d = (bytesToBigInt(crypto.randomBytes(40)) % (SM2_N - 2n)) + 1n;
  const scalar = bigIntToBytes(d, 32);
  return {
    privateKey: scalar.toString('base64'),
    publicKey: publicPointFromPrivate(scalar).toString('base64'),
  };
}

// ---- DER / PEM containers (id-ecPublicKey with the SM2 curve OID, as OpenSSL 3 writes them)

const ALGORITHM = encodeSequence(encodeOid(EC_PUBLIC_KEY_OID), encodeOid(SM2_CURVE_OID));

function bitString(bytes: Uint8Array): Buffer {
  return encodeTlv(TAG.bitString, Buffer.concat([Buffer.from([0]), bytes]));
}

export function sm2PublicKeyToSpkiDer(publicKeyB64: string): Buffer {
  return encodeSequence(ALGORITHM, bitString(parseSm2PublicKey(publicKeyB64)));
}

export function sm2PrivateKeyToPkcs8Der(privateKeyB64: string): Buffer {
  const d = parseSm2PrivateKey(privateKeyB64);
  const ecPrivateKey = encodeSequence(
    encodeTlv(TAG.integer, Buffer.from([1])),
    encodeTlv(TAG.octetString, d),
    encodeTlv(0xa1, bitString(publicPointFromPrivate(d))),
  );
  return encodeSequence(
    encodeTlv(TAG.integer, Buffer.from([0])),
    ALGORITHM,
    encodeTlv(TAG.octetString, ecPrivateKey),
  );
}

/** PEM "PUBLIC KEY" (SubjectPublicKeyInfo) for OpenSSL / Node crypto. */
export function sm2PublicKeyToPem(publicKeyB64: string): string {
  return toPem('PUBLIC KEY', sm2PublicKeyToSpkiDer(publicKeyB64));
}

/** PEM "PRIVATE KEY" (unencrypted PKCS#8) for OpenSSL / Node crypto. */
export function sm2PrivateKeyToPem(privateKeyB64: string): string {
  return toPem('PRIVATE KEY', sm2PrivateKeyToPkcs8Der(privateKeyB64));
}

/** Base64 65-byte point from a "PUBLIC KEY" PEM whose curve is SM2. */
export function sm2PublicKeyFromPem(pem: string): string {
  const { der } = fromPem(pem, ['PUBLIC KEY']);
  try {
    const [alg, key] = readChildren(expectTag(readSingle(der), TAG.sequence, 'SPKI').value);
    checkAlgorithm(expectTag(alg, TAG.sequence, 'AlgorithmIdentifier').value);
    const bits = expectTag(key, TAG.bitString, 'BIT STRING').value;
    if (bits[0] !== 0) throw new Error('unused bits');
    return parseSm2PublicKey(Buffer.from(bits.subarray(1)).toString('base64')).toString('base64');
  } catch (e) {
    throw new Error(`不是有效的 SM2 公钥 PEM：${(e as Error).message}`);
  }
}

/**
 * Base64 scalar from a "PRIVATE KEY" (PKCS#8) PEM, or a SEC1 one ("EC PRIVATE KEY", or
 * "SM2 PRIVATE KEY" as `openssl ec` labels it), on the SM2 curve.
 */
export function sm2PrivateKeyFromPem(pem: string): string {
  const { label, der } = fromPem(pem, ['PRIVATE KEY', 'EC PRIVATE KEY', 'SM2 PRIVATE KEY']);
  try {
    let ecPrivateKey: Uint8Array = der;
    if (label === 'PRIVATE KEY') {
      const [version, alg, inner] = readChildren(
        expectTag(readSingle(der), TAG.sequence, 'PKCS#8').value,
      );
      expectTag(version, TAG.integer, 'version');
      checkAlgorithm(expectTag(alg, TAG.sequence, 'AlgorithmIdentifier').value);
      ecPrivateKey = expectTag(inner, TAG.octetString, 'OCTET STRING').value;
    }
    const [, d, ...optional] = readChildren(
      expectTag(readSingle(ecPrivateKey), TAG.sequence, 'ECPrivateKey').value,
    );
    for (const field of optional) {
      if (field.tag === 0xa0)
        checkCurve(expectTag(readSingle(field.value), TAG.oid, 'curve').value);
    }
    const scalar = readUnsignedScalar(expectTag(d, TAG.octetString, 'privateKey').value);
    return parseSm2PrivateKey(scalar.toString('base64')).toString('base64');
  } catch (e) {
    throw new Error(`不是有效的 SM2 私钥 PEM：${(e as Error).message}`);
  }
}

function readUnsignedScalar(bytes: Uint8Array): Buffer {
  return bigIntToBytes(bytesToBigInt(bytes), 32);
}

/**
 * id-ecPublicKey with the SM2 curve as parameter (RFC 5480, as OpenSSL writes it), or the SM2
 * algorithm OID itself as the algorithm (GM/T 0010 style, as some Chinese toolkits write it),
 * with the curve, NULL or nothing as parameter.
 */
function checkAlgorithm(value: Uint8Array): void {
  const [oid, params, ...extra] = readChildren(value);
  if (extra.length > 0) throw new Error('AlgorithmIdentifier has extra fields');
  const algorithm = decodeOid(expectTag(oid, TAG.oid, 'algorithm').value);
  if (algorithm === EC_PUBLIC_KEY_OID) {
    checkCurve(expectTag(params, TAG.oid, 'curve').value);
    return;
  }
  if (algorithm !== SM2_CURVE_OID) {
    throw new Error('algorithm is neither id-ecPublicKey nor SM2 (1.2.156.10197.1.301)');
  }
  if (params === undefined || (params.tag === TAG.null && params.value.length === 0)) return;
  checkCurve(expectTag(params, TAG.oid, 'curve').value);
}

function checkCurve(oid: Uint8Array): void {
  if (decodeOid(oid) !== SM2_CURVE_OID) throw new Error('curve is not SM2 (1.2.156.10197.1.301)');
}
