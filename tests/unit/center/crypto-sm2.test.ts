import crypto from 'node:crypto';
import smCrypto from 'sm-crypto';
import { describe, expect, it } from 'vitest';
import sandbox from '../../../config/sandbox.json';
import {
  DEFAULT_SM2_USER_ID,
  derSignatureToRaw,
  generateSm2KeyPair,
  rawSignatureToDer,
  sm2NativeAvailable,
  sm2PrivateKeyFromPem,
  sm2PrivateKeyToPem,
  sm2PublicKeyFromPem,
  sm2PublicKeyFromPrivate,
  sm2PublicKeyToPem,
  sm2Sign,
  sm2SignFast,
  sm2Verify,
  sm2VerifyFast,
} from '../../../src/center/crypto';

const b64ToHex = (s: string) => Buffer.from(s, 'base64').toString('hex');
const hexToB64 = (s: string) => Buffer.from(s, 'hex').toString('base64');
const { platformKeys, appKeys, appSecret } = sandbox.epc;

/** sm-crypto used directly, as an independent reference. */
const reference = {
  sign: (msg: Uint8Array, priv: string, userId: string) =>
    hexToB64(
      smCrypto.sm2.doSignature(Array.from(msg), b64ToHex(priv), { hash: true, der: false, userId }),
    ),
  verify: (msg: Uint8Array, sig: string, pub: string, userId: string) =>
    smCrypto.sm2.doVerifySignature(Array.from(msg), b64ToHex(sig), b64ToHex(pub), {
      hash: true,
      der: false,
      userId,
    }),
};

function flipBit(b64: string, bit: number): string {
  const bytes = Buffer.from(b64, 'base64');
  bytes[bit >> 3] = (bytes[bit >> 3] ?? 0) ^ (1 << (bit & 7));
  return bytes.toString('base64');
}

describe('SM2 keys', () => {
  it('the sandbox key pairs in config are consistent [ARCH]', () => {
    expect(sm2PublicKeyFromPrivate(platformKeys.privateKey)).toBe(platformKeys.publicKey);
    expect(sm2PublicKeyFromPrivate(appKeys.privateKey)).toBe(appKeys.publicKey);
  });

  it('generates 32-byte scalars and 65-byte uncompressed points that sm-crypto accepts [ARCH]', () => {
    for (let i = 0; i < 5; i++) {
      const kp = generateSm2KeyPair();
      expect(Buffer.from(kp.privateKey, 'base64')).toHaveLength(32);
      const point = Buffer.from(kp.publicKey, 'base64');
      expect(point).toHaveLength(65);
      expect(point[0]).toBe(4);
      expect(() => crypto.createPublicKey(sm2PublicKeyToPem(kp.publicKey))).not.toThrow(); // OpenSSL checks the point
      expect(b64ToHex(kp.publicKey)).toBe(
        (
          smCrypto.sm2 as unknown as { getPublicKeyFromPrivateKey(h: string): string }
        ).getPublicKeyFromPrivateKey(b64ToHex(kp.privateKey)),
      );
    }
  });

  it('accepts the 33-byte private key form with a leading 0x00 and rejects out-of-range scalars [ARCH]', () => {
    const padded = Buffer.concat([
      Buffer.from([0]),
      Buffer.from(appKeys.privateKey, 'base64'),
    ]).toString('base64');
    expect(sm2PublicKeyFromPrivate(padded)).toBe(appKeys.publicKey);
    expect(() => sm2Sign('m', Buffer.alloc(32).toString('base64'))).toThrow(/范围/);
    expect(() => sm2Sign('m', Buffer.alloc(32, 0xff).toString('base64'))).toThrow(/范围/);
    expect(() => sm2Sign('m', 'not base64!')).toThrow(/私钥/);
  });

  it('left-pads a private key whose leading zero bytes were dropped (31 or 30 bytes, as Java exports them) [R-SIGN]', () => {
    const message = Buffer.from('padded key');
    for (const dropped of [1, 2]) {
      // A scalar with `dropped` leading zero bytes, as BigInteger.toByteArray writes it.
      const full = Buffer.concat([Buffer.alloc(dropped), crypto.randomBytes(32 - dropped)]);
      full[dropped] = (full[dropped] ?? 0) | 0x01;
      const short = full.subarray(dropped).toString('base64');
      const publicKey = hexToB64(
        (
          smCrypto.sm2 as unknown as { getPublicKeyFromPrivateKey(h: string): string }
        ).getPublicKeyFromPrivateKey(full.toString('hex')),
      );
      expect(sm2PublicKeyFromPrivate(short)).toBe(publicKey);
      expect(sm2PrivateKeyToPem(short)).toBe(sm2PrivateKeyToPem(full.toString('base64')));
      const signature = sm2Sign(message, short);
      expect(reference.verify(message, signature, publicKey, DEFAULT_SM2_USER_ID)).toBe(true);
      expect(sm2VerifyFast(message, sm2SignFast(message, short), publicKey)).toBe(true);
    }
    // The 33-byte DER INTEGER form: a 0x00 sign byte before a scalar whose top bit is set.
    const high = crypto.randomBytes(32);
    high[0] = 0x80 | ((high[0] ?? 0) & 0x7e);
    const asInteger = Buffer.concat([Buffer.from([0]), high]).toString('base64');
    expect(sm2PublicKeyFromPrivate(asInteger)).toBe(
      sm2PublicKeyFromPrivate(high.toString('base64')),
    );
    // Far shorter or longer is another kind of key, not a scalar.
    expect(() => sm2Sign('m', crypto.randomBytes(16).toString('base64'))).toThrow(/32 字节/);
    expect(() => sm2Sign('m', crypto.randomBytes(34).toString('base64'))).toThrow(/32 字节/);
  });

  it('exports keys to PEM that Node crypto loads, and reads them back [ARCH]', () => {
    const kp = generateSm2KeyPair();
    const pubPem = sm2PublicKeyToPem(kp.publicKey);
    const privPem = sm2PrivateKeyToPem(kp.privateKey);
    expect(pubPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(privPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const nodePub = crypto.createPublicKey(pubPem);
    const nodePriv = crypto.createPrivateKey(privPem);
    expect(crypto.createPublicKey(nodePriv).export({ type: 'spki', format: 'pem' })).toBe(pubPem);
    expect(nodePub.export({ type: 'spki', format: 'pem' })).toBe(pubPem);
    expect(sm2PublicKeyFromPem(pubPem)).toBe(kp.publicKey);
    expect(sm2PrivateKeyFromPem(privPem)).toBe(kp.privateKey);
    // Never export an SM2 KeyObject as 'sec1': Node 20 aborts the process (assertion on EVP_PKEY_EC).
  });

  it('refuses PEM keys that are not on the SM2 curve [ARCH]', () => {
    const p256 = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    expect(() =>
      sm2PublicKeyFromPem(p256.publicKey.export({ type: 'spki', format: 'pem' }).toString()),
    ).toThrow(/SM2/);
    expect(() =>
      sm2PrivateKeyFromPem(p256.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
    ).toThrow(/SM2/);
    expect(() => sm2PublicKeyFromPem('no pem here')).toThrow(/PEM/);
  });
});

describe('SM2 signatures (SM3withSM2, Z with user id 1234567812345678, raw r‖s)', () => {
  it('signs and verifies, and rejects another message, key or user id [R-SIGN]', () => {
    const msg = 'appId=A&data={"a":"1"}&key=S';
    const sig = sm2Sign(msg, appKeys.privateKey);
    expect(Buffer.from(sig, 'base64')).toHaveLength(64);
    expect(sm2Verify(msg, sig, appKeys.publicKey)).toBe(true);
    expect(sm2Verify(`${msg} `, sig, appKeys.publicKey)).toBe(false);
    expect(sm2Verify(msg, sig, platformKeys.publicKey)).toBe(false);
    expect(sm2Verify(msg, sig, appKeys.publicKey, appSecret)).toBe(false);
    expect(sm2Sign(msg, appKeys.privateKey)).not.toBe(sig); // fresh nonce each time
  });

  it('interoperates with sm-crypto used directly, both ways [R-SIGN]', () => {
    const msg = Buffer.from('处方签名 rx 🧪', 'utf8');
    expect(
      reference.verify(
        msg,
        sm2Sign(msg, appKeys.privateKey),
        appKeys.publicKey,
        DEFAULT_SM2_USER_ID,
      ),
    ).toBe(true);
    expect(
      sm2Verify(
        msg,
        reference.sign(msg, appKeys.privateKey, DEFAULT_SM2_USER_ID),
        appKeys.publicKey,
      ),
    ).toBe(true);
    // strings are signed as their UTF-8 bytes
    expect(
      sm2Verify(msg.toString('utf8'), sm2Sign(msg, appKeys.privateKey), appKeys.publicKey),
    ).toBe(true);
  });

  it('never throws on garbage: answers false [R-SIGN]', () => {
    const sig = sm2Sign('m', appKeys.privateKey);
    const zero = Buffer.alloc(64).toString('base64');
    const n = Buffer.from(
      'fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123',
      'hex',
    );
    const sEqualsN = Buffer.concat([Buffer.from(sig, 'base64').subarray(0, 32), n]).toString(
      'base64',
    );
    const offCurve = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString('base64');
    const cases: [unknown, unknown, unknown, unknown][] = [
      ['m', '', appKeys.publicKey, undefined],
      ['m', 'not base64 ***', appKeys.publicKey, undefined],
      ['m', `${sig}AAAA`, appKeys.publicKey, undefined],
      ['m', sig.replace(/==$/, ''), appKeys.publicKey, undefined],
      ['m', zero, appKeys.publicKey, undefined],
      ['m', sEqualsN, appKeys.publicKey, undefined],
      ['m', sig, '', undefined],
      ['m', sig, offCurve, undefined],
      ['m', sig, 'BAAA', undefined],
      ['m', sig, 42, undefined],
      ['m', null, appKeys.publicKey, undefined],
      [null, sig, appKeys.publicKey, undefined],
      [{}, sig, appKeys.publicKey, undefined],
      ['m', sig, appKeys.publicKey, 7],
    ];
    type Verify = (m: unknown, s: unknown, p: unknown, u?: unknown) => boolean;
    for (const verify of [sm2Verify as Verify, sm2VerifyFast as Verify]) {
      for (const [m, s, p, u] of cases) {
        expect(verify(m, s, p, u), JSON.stringify([m, s, p, u])).toBe(false);
      }
      expect(verify('m', sig, appKeys.publicKey)).toBe(true);
    }
  });

  it('rejects a Base64 signature that only differs in ignored padding bits [R-SIGN]', () => {
    const sig = sm2Sign('m', appKeys.privateKey);
    const last = sig.at(-3) as string; // 64 bytes → 86 chars + "==": the 86th char carries 4 spare bits
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const twin = alphabet[alphabet.indexOf(last) + 1] as string;
    const sloppy = `${sig.slice(0, -3)}${twin}==`;
    expect(Buffer.from(sloppy, 'base64').equals(Buffer.from(sig, 'base64'))).toBe(true);
    expect(sm2Verify('m', sloppy, appKeys.publicKey)).toBe(false);
    expect(sm2VerifyFast('m', sloppy, appKeys.publicKey)).toBe(false);
  });
});

describe('DER ⇄ raw r‖s', () => {
  it('round-trips random signatures, including r or s with the high bit set or leading zeros [ARCH]', () => {
    const samples: Buffer[] = [
      Buffer.alloc(64, 0x80),
      Buffer.concat([Buffer.alloc(31), Buffer.from([1]), Buffer.alloc(32, 0x7f)]),
    ];
    for (let i = 0; i < 200; i++) samples.push(crypto.randomBytes(64));
    for (const raw of samples) {
      const der = rawSignatureToDer(raw);
      expect(derSignatureToRaw(der).equals(raw)).toBe(true);
    }
    expect(
      rawSignatureToDer(samples[1] as Buffer)
        .subarray(0, 5)
        .toString('hex'),
    ).toBe('3025020101');
    expect(rawSignatureToDer(Buffer.alloc(64, 0x80)).toString('hex')).toBe(
      `3046022100${'80'.repeat(32)}022100${'80'.repeat(32)}`,
    );
  });

  it('is strict about what it accepts [ARCH]', () => {
    const der = rawSignatureToDer(crypto.randomBytes(64));
    expect(() => derSignatureToRaw(Buffer.concat([der, Buffer.from([0])]))).toThrow(/DER/);
    expect(() => derSignatureToRaw(der.subarray(0, der.length - 1))).toThrow(/DER/);
    expect(() => derSignatureToRaw(Buffer.from('3006020100020101', 'hex').subarray(0, 4))).toThrow(
      /DER/,
    );
    expect(() => derSignatureToRaw(Buffer.from('300802020001020201', 'hex'))).toThrow(/DER/); // non-minimal
    expect(() => derSignatureToRaw(Buffer.from('3006020181020101', 'hex'))).toThrow(/DER/); // negative
    expect(() => rawSignatureToDer(Buffer.alloc(63))).toThrow(/64/);
  });
});

describe('fast path: Node/OpenSSL SM2 with the standard Z value', () => {
  it('is available on Node 20 with OpenSSL 3 [ARCH]', () => {
    expect(sm2NativeAvailable()).toBe(true);
  });

  it('agrees with sm-crypto on many random keys, messages and user ids, both directions [R-SIGN]', () => {
    const userIds = [DEFAULT_SM2_USER_ID, appSecret, '', 'ALICE123@YAHOO.COM', '药师甲'];
    for (let i = 0; i < 30; i++) {
      const kp = generateSm2KeyPair();
      const userId = userIds[i % userIds.length] as string;
      const msg = crypto.randomBytes(i * 13);

      const jsSig = reference.sign(msg, kp.privateKey, userId);
      expect(sm2VerifyFast(msg, jsSig, kp.publicKey, userId)).toBe(true);
      const fastSig = sm2SignFast(msg, kp.privateKey, userId);
      expect(reference.verify(msg, fastSig, kp.publicKey, userId)).toBe(true);

      // and they agree on rejections: altered message, altered signature, another user id
      const other = Buffer.concat([msg, Buffer.from([i])]);
      expect(sm2VerifyFast(other, jsSig, kp.publicKey, userId)).toBe(false);
      expect(reference.verify(other, fastSig, kp.publicKey, userId)).toBe(false);
      const flipped = flipBit(fastSig, (i * 17) % 512);
      expect(sm2VerifyFast(msg, flipped, kp.publicKey, userId)).toBe(
        reference.verify(msg, flipped, kp.publicKey, userId),
      );
      expect(sm2VerifyFast(msg, flipped, kp.publicKey, userId)).toBe(false);
      expect(sm2VerifyFast(msg, jsSig, kp.publicKey, `${userId}x`)).toBe(false);
    }
  });

  it("differs from Node's one-shot crypto.verify, which does not use the user id [R-SIGN]", () => {
    const msg = Buffer.from('m');
    const sig = sm2Sign(msg, appKeys.privateKey);
    const der = rawSignatureToDer(Buffer.from(sig, 'base64'));
    expect(crypto.verify('sm3', msg, sm2PublicKeyToPem(appKeys.publicKey), der)).toBe(false);
    expect(sm2VerifyFast(msg, sig, appKeys.publicKey)).toBe(true);
  });
});
