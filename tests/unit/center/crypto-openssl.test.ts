import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SM2_USER_ID,
  derSignatureToRaw,
  generateSm2KeyPair,
  rawSignatureToDer,
  sm2PrivateKeyFromPem,
  sm2PrivateKeyToPem,
  sm2PublicKeyFromPem,
  sm2PublicKeyToPem,
  sm2Sign,
  sm2SignFast,
  sm2Verify,
  sm2VerifyFast,
  sm3Hex,
  sm4EcbDecrypt,
  sm4EcbEncrypt,
} from '../../../src/center/crypto';
import {
  encodeOid,
  encodeSequence,
  encodeTlv,
  readChildren,
  readSingle,
  TAG,
  toPem,
} from '../../../src/center/crypto/der';

// Independent implementation: the OpenSSL 3 command line (center-protocol §6).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-openssl-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let counter = 0;
function file(content: string | Uint8Array): string {
  const p = path.join(dir, `f${counter++}`);
  fs.writeFileSync(p, content);
  return p;
}
function openssl(...args: string[]): Buffer {
  return execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
}
function opensslOk(...args: string[]): boolean {
  try {
    openssl(...args);
    return true;
  } catch {
    return false;
  }
}
const distid = `distid:${DEFAULT_SM2_USER_ID}`;

describe('interop with the OpenSSL 3 CLI', () => {
  it('SM3 digests equal `openssl dgst -sm3` [ARCH]', () => {
    for (const size of [0, 1, 55, 56, 64, 1000, 70_000]) {
      const data = crypto.randomBytes(size);
      const out = openssl('dgst', '-sm3', '-r', file(data)).toString();
      expect(out.split(' ')[0]).toBe(sm3Hex(data));
    }
  });

  it('SM4-ECB-PKCS7 ciphertext equals `openssl enc -sm4-ecb`, and OpenSSL decrypts ours [ARCH]', () => {
    for (const size of [0, 5, 16, 33]) {
      const key = crypto.randomBytes(16);
      const plain = crypto.randomBytes(size);
      const theirs = openssl('enc', '-sm4-ecb', '-K', key.toString('hex'), '-in', file(plain));
      const ours = sm4EcbEncrypt(key, plain);
      expect(ours.toString('hex')).toBe(theirs.toString('hex'));
      expect(sm4EcbDecrypt(key, theirs).equals(plain)).toBe(true);
      const back = openssl('enc', '-d', '-sm4-ecb', '-K', key.toString('hex'), '-in', file(ours));
      expect(back.equals(plain)).toBe(true);
    }
  });

  it('reads OpenSSL-generated SM2 keys (PKCS#8, SEC1, SPKI) and re-exports them byte for byte [R-SIGN]', () => {
    const keyPem = openssl('genpkey', '-algorithm', 'SM2').toString();
    const keyFile = file(keyPem);
    const pubPem = openssl('pkey', '-in', keyFile, '-pubout').toString();
    const sec1Pem = openssl('ec', '-in', keyFile).toString();
    expect(sec1Pem).toMatch(/BEGIN SM2 PRIVATE KEY/); // OpenSSL's label for SEC1 on the SM2 curve
    const privateKey = sm2PrivateKeyFromPem(keyPem);
    const publicKey = sm2PublicKeyFromPem(pubPem);
    expect(sm2PrivateKeyFromPem(sec1Pem)).toBe(privateKey);
    expect(sm2PrivateKeyToPem(privateKey)).toBe(keyPem);
    expect(sm2PublicKeyToPem(publicKey)).toBe(pubPem);
  });

  it('reads PKCS#8 and SPKI keys whose algorithm is the SM2 OID 1.2.156.10197.1.301 [R-SIGN]', () => {
    // OpenSSL writes id-ecPublicKey + SM2 curve; the same key is rewrapped with the SM2 algorithm
    // OID (and absent, NULL or curve parameters), as GM/T 0010-style toolkits write it.
    const keyPem = openssl('genpkey', '-algorithm', 'SM2').toString();
    const pubPem = openssl('pkey', '-in', file(keyPem), '-pubout').toString();
    const der = (pem: string) => Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    const [version, , ecPrivateKey] = readChildren(readSingle(der(keyPem)).value);
    const [, bits] = readChildren(readSingle(der(pubPem)).value);
    if (!version || !ecPrivateKey || !bits) throw new Error('OpenSSL key shape changed');
    const tlv = (n: { tag: number; value: Uint8Array }) => encodeTlv(n.tag, n.value);
    const sm2Oid = encodeOid('1.2.156.10197.1.301');
    const pkcs8 = (...alg: Buffer[]) =>
      toPem('PRIVATE KEY', encodeSequence(tlv(version), encodeSequence(...alg), tlv(ecPrivateKey)));
    const spki = (...alg: Buffer[]) =>
      toPem('PUBLIC KEY', encodeSequence(encodeSequence(...alg), tlv(bits)));
    const privateKey = sm2PrivateKeyFromPem(keyPem);
    const publicKey = sm2PublicKeyFromPem(pubPem);
    for (const params of [[], [encodeTlv(TAG.null, Buffer.alloc(0))], [sm2Oid]]) {
      expect(sm2PrivateKeyFromPem(pkcs8(sm2Oid, ...params))).toBe(privateKey);
      expect(sm2PublicKeyFromPem(spki(sm2Oid, ...params))).toBe(publicKey);
    }
    // The SM2 algorithm with another curve, or another algorithm, is still refused.
    const p256 = encodeOid('1.2.840.10045.3.1.7');
    expect(() => sm2PrivateKeyFromPem(pkcs8(sm2Oid, p256))).toThrow(/SM2/);
    expect(() => sm2PrivateKeyFromPem(pkcs8(encodeOid('1.2.840.113549.1.1.1')))).toThrow(/SM2/);
  });

  it('our Base64 keys, exported to PEM, load in OpenSSL as the same SM2 key [R-SIGN]', () => {
    const kp = generateSm2KeyPair();
    const privFile = file(sm2PrivateKeyToPem(kp.privateKey));
    const text = openssl('pkey', '-in', privFile, '-noout', '-text').toString();
    expect(text).toMatch(/ASN1 OID: SM2/);
    expect(openssl('pkey', '-in', privFile, '-pubout').toString()).toBe(
      sm2PublicKeyToPem(kp.publicKey),
    );
    expect(
      opensslOk('pkey', '-pubin', '-in', file(sm2PublicKeyToPem(kp.publicKey)), '-noout'),
    ).toBe(true);
  });

  it('a signature made by OpenSSL (distid 1234567812345678, DER) verifies with ours, both paths [R-SIGN]', () => {
    for (let i = 0; i < 10; i++) {
      const kp = generateSm2KeyPair();
      const keyFile = file(sm2PrivateKeyToPem(kp.privateKey));
      const msg = crypto.randomBytes(1 + i * 97);
      const der = openssl('dgst', '-sm3', '-sign', keyFile, '-sigopt', distid, file(msg));
      const sig = derSignatureToRaw(der).toString('base64');
      expect(sm2Verify(msg, sig, kp.publicKey)).toBe(true);
      expect(sm2VerifyFast(msg, sig, kp.publicKey)).toBe(true);
      expect(sm2VerifyFast(Buffer.concat([msg, Buffer.from('x')]), sig, kp.publicKey)).toBe(false);
      // OpenSSL without the distid hashes a different Z: ours must refuse it
      const noId = derSignatureToRaw(openssl('dgst', '-sm3', '-sign', keyFile, file(msg))).toString(
        'base64',
      );
      expect(sm2Verify(msg, noId, kp.publicKey)).toBe(false);
      expect(sm2VerifyFast(msg, noId, kp.publicKey)).toBe(false);
    }
  });

  it('a signature made by ours, converted to DER, verifies in OpenSSL, both paths [R-SIGN]', () => {
    for (let i = 0; i < 10; i++) {
      const kp = generateSm2KeyPair();
      const pubFile = file(sm2PublicKeyToPem(kp.publicKey));
      const msg = `处方 ${i} ${crypto.randomBytes(8).toString('hex')}`;
      const msgFile = file(msg);
      for (const sig of [sm2Sign(msg, kp.privateKey), sm2SignFast(msg, kp.privateKey)]) {
        const sigFile = file(rawSignatureToDer(Buffer.from(sig, 'base64')));
        const verify = (id: string) =>
          opensslOk(
            'dgst',
            '-sm3',
            '-verify',
            pubFile,
            '-sigopt',
            `distid:${id}`,
            '-signature',
            sigFile,
            msgFile,
          );
        expect(verify(DEFAULT_SM2_USER_ID)).toBe(true);
        expect(verify('8765432187654321')).toBe(false);
      }
    }
  });
});
