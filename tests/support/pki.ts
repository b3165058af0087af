/**
 * A small SM2 PKI for tests: a CA, institution signing certificates in every state the
 * verifier must tell apart, and CRLs (fresh, stale, wrongly signed). Keys derive from fixed
 * seeds and all times from `now`, so the fixture is the same every run except for the SM2
 * signature nonces; it takes a few milliseconds with the native SM2 path.
 */
import { sm2PublicKeyFromPrivate, sm3Bytes } from '../../src/center/crypto';
import { SM2_N } from '../../src/center/crypto/sm2-curve';
import {
  createCaCertificate,
  createCrl,
  issueCertificate,
  type ParsedCrl,
  parseCertificate,
  parseCrl,
  type Sm2Certificate,
  type Sm2KeyPair,
  type SubjectName,
} from '../../src/center/x509';
import { enter, readDer, TAG } from '../../src/center/x509/asn1-reader';
import { bitString, sequence } from '../../src/center/x509/asn1-writer';
import { signatureDer } from '../../src/center/x509/issue';

const DAY = 86_400_000;

/** A deterministic key pair from a label. */
export function seededKeyPair(seed: string): Sm2KeyPair {
  const d = (BigInt(`0x${sm3Bytes(`pki-fixture:${seed}`).toString('hex')}`) % (SM2_N - 2n)) + 1n;
  const privateKey = Buffer.from(d.toString(16).padStart(64, '0'), 'hex').toString('base64');
  return { privateKey, publicKey: sm2PublicKeyFromPrivate(privateKey) };
}

export interface Issued {
  cert: Sm2Certificate;
  der: Buffer;
  keyPair: Sm2KeyPair;
}

export interface PkiCrl {
  crl: ParsedCrl;
  der: Buffer;
}

export interface PkiFixture {
  now: Date;
  ca: Issued;
  /** Another CA with its own name: nothing it issues chains to `ca`. */
  otherCa: Issued;
  /** A CA with exactly `ca`'s name but another key (a forger's CA). */
  impostorCa: Issued;
  valid: Issued;
  expired: Issued;
  notYetValid: Issued;
  /** Revoked (keyCompromise) five days before `now`, before `signedAt`. */
  revoked: Issued;
  /** Revoked (affiliationChanged) one day before `now`, after `signedAt`. */
  revokedAfterSigning: Issued;
  /** The claimed signing time for the "revoked after signing" case. */
  signedAt: Date;
  unknownCa: Issued;
  /** Names `ca` as issuer (name and key id) but is signed with the impostor's key. */
  wrongSignature: Issued;
  crls: {
    /** Lists `revoked` and `revokedAfterSigning`; next update in 7 days. */
    fresh: PkiCrl;
    /** Issued 30 days ago, next update 23 days ago, lists nothing. */
    stale: PkiCrl;
    /** The fresh CRL's content signed with the impostor's key. */
    wronglySigned: PkiCrl;
    /** Fresh, lists nothing (so a revoked certificate looks good with it: used to show order). */
    empty: PkiCrl;
  };
}

export const CA_SUBJECT: SubjectName = {
  C: 'CN',
  ST: '重庆市',
  O: '重庆市医疗保障局',
  OU: '电子处方中心',
  CN: '医保电子处方测试 CA',
};

export const INSTITUTION_SUBJECT: SubjectName = {
  C: 'CN',
  ST: '重庆市',
  L: '渝中区',
  O: '重庆市某某人民医院',
  OU: '药剂科',
  CN: '重庆市某某人民医院电子签名',
  serialNumber: 'H50010300001',
};

export const SERIALS = {
  valid: '1001',
  expired: '1002',
  notYetValid: '1003',
  revoked: '1004',
  revokedAfterSigning: '1005',
  unknownCa: '1006',
  wrongSignature: '1007',
} as const;

export function createPkiFixture(now: Date = new Date('2026-03-01T00:00:00Z')): PkiFixture {
  const t = now.getTime();
  const at = (days: number) => new Date(t + days * DAY);

  const makeCa = (seed: string, subject: SubjectName): Issued => {
    const keyPair = seededKeyPair(seed);
    const der = createCaCertificate({
      subject,
      keyPair,
      serialHex: '01',
      notBefore: at(-365),
      notAfter: at(3650),
    });
    return { cert: parseCertificate(der), der, keyPair };
  };
  const ca = makeCa('ca', CA_SUBJECT);
  const otherCa = makeCa('other-ca', { C: 'CN', O: '某省医疗保障局', CN: '其他省份测试 CA' });
  const impostorCa = makeCa('impostor-ca', CA_SUBJECT);

  const issue = (
    name: keyof typeof SERIALS,
    issuer: Issued,
    notBefore: Date,
    notAfter: Date,
  ): Issued => {
    const keyPair = seededKeyPair(name);
    const der = issueCertificate({
      issuer: { cert: issuer.cert, privateKey: issuer.keyPair.privateKey },
      subject: { ...INSTITUTION_SUBJECT, CN: `${INSTITUTION_SUBJECT.CN}（${name}）` },
      publicKey: keyPair.publicKey,
      serialHex: SERIALS[name],
      notBefore,
      notAfter,
    });
    return { cert: parseCertificate(der), der, keyPair };
  };

  const valid = issue('valid', ca, at(-30), at(335));
  const expired = issue('expired', ca, at(-400), at(-35));
  const notYetValid = issue('notYetValid', ca, at(10), at(375));
  const revoked = issue('revoked', ca, at(-30), at(335));
  const revokedAfterSigning = issue('revokedAfterSigning', ca, at(-30), at(335));
  const unknownCa = issue('unknownCa', otherCa, at(-30), at(335));
  const genuine = issue('wrongSignature', ca, at(-30), at(335));
  const forgedDer = resign(genuine.der, impostorCa.keyPair.privateKey);
  const wrongSignature = { ...genuine, der: forgedDer, cert: parseCertificate(forgedDer) };

  const crl = (der: Buffer): PkiCrl => ({ crl: parseCrl(der), der });
  const revokedList = [
    { serialHex: SERIALS.revoked, revokedAt: at(-5), reason: 'keyCompromise' as const },
    {
      serialHex: SERIALS.revokedAfterSigning,
      revokedAt: at(-1),
      reason: 'affiliationChanged' as const,
    },
  ];
  const freshDer = createCrl({
    issuer: ca.cert,
    privateKey: ca.keyPair.privateKey,
    thisUpdate: new Date(t - 3_600_000),
    nextUpdate: at(7),
    revoked: revokedList,
  });

  return {
    now,
    ca,
    otherCa,
    impostorCa,
    valid,
    expired,
    notYetValid,
    revoked,
    revokedAfterSigning,
    signedAt: at(-3),
    unknownCa,
    wrongSignature,
    crls: {
      fresh: crl(freshDer),
      stale: crl(
        createCrl({
          issuer: ca.cert,
          privateKey: ca.keyPair.privateKey,
          thisUpdate: at(-30),
          nextUpdate: at(-23),
          revoked: [],
        }),
      ),
      wronglySigned: crl(resign(freshDer, impostorCa.keyPair.privateKey)),
      empty: crl(
        createCrl({
          issuer: ca.cert,
          privateKey: ca.keyPair.privateKey,
          thisUpdate: new Date(t - 7_200_000),
          nextUpdate: at(7),
          revoked: [],
        }),
      ),
    },
  };
}

/** Keeps the signed part (tbsCertificate / tbsCertList) and replaces the signature. */
export function resign(der: Uint8Array, privateKey: string): Buffer {
  const outer = enter(readDer(der, 'signed object'), TAG.sequence, 'signed object');
  const tbs = outer.expect(TAG.sequence, 'tbs');
  const algorithm = outer.expect(TAG.sequence, 'algorithm');
  return sequence(tbs.der, algorithm.der, bitString(signatureDer(tbs.der, privateKey)));
}
