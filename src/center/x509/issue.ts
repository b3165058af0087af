import crypto from 'node:crypto';
import {
  parseSm2PublicKey,
  rawSignatureToDer,
  sm2PublicKeyFromPrivate,
  sm2SignFast,
} from '../crypto';
import { encodeSm2PublicKeyInfo, SM3_WITH_SM2_ALGORITHM } from './algorithms';
import { bitString, explicit, sequence, smallInt, time, unsignedInt } from './asn1-writer';
import type { Sm2Certificate } from './certificate';
import {
  authorityKeyIdExtension,
  basicConstraintsExtension,
  type KeyUsage,
  keyIdentifier,
  keyUsageExtension,
  subjectKeyIdExtension,
} from './extensions';
import { encodeName, type SubjectName } from './name';
import { serialBytes } from './serial';

/**
 * Certificates as the sandbox CA issues them (and tests use): X.509 v3, SM2 key, signed
 * SM3withSM2 over tbsCertificate with the default user id 1234567812345678 — the GM/T 0015
 * convention, and what `openssl … -sm3 -sigopt distid:1234567812345678` produces.
 * Output is DER; times lose their milliseconds.
 */

export interface Sm2KeyPair {
  /** Base64 32-byte scalar. */
  privateKey: string;
  /** Base64 65-byte uncompressed point. */
  publicKey: string;
}

export interface CreateCaOptions {
  subject: SubjectName;
  keyPair: Sm2KeyPair;
  /** Default: 16 random bytes. */
  serialHex?: string;
  notBefore: Date;
  notAfter: Date;
  pathLen?: number;
  /** Default: keyCertSign + cRLSign (a CA that also signs its revocation lists). */
  keyUsage?: readonly KeyUsage[];
}

/** A self-signed CA certificate: basicConstraints CA:true, keyUsage keyCertSign + cRLSign. */
export function createCaCertificate(opts: CreateCaOptions): Buffer {
  const point = parseSm2PublicKey(opts.keyPair.publicKey);
  checkKeyPair(opts.keyPair.privateKey, opts.keyPair.publicKey, 'CA');
  const keyId = keyIdentifier(point);
  const name = encodeName(opts.subject);
  return signCertificate(
    {
      serialHex: opts.serialHex ?? randomSerialHex(),
      issuerName: name,
      subjectName: name,
      notBefore: opts.notBefore,
      notAfter: opts.notAfter,
      point,
      extensions: [
        basicConstraintsExtension(true, opts.pathLen),
        keyUsageExtension(opts.keyUsage ?? ['keyCertSign', 'cRLSign']),
        subjectKeyIdExtension(keyId),
        authorityKeyIdExtension(keyId),
      ],
    },
    opts.keyPair.privateKey,
  );
}

export interface IssueOptions {
  issuer: { cert: Sm2Certificate; privateKey: string };
  subject: SubjectName;
  /** Base64 65-byte point of the subject's key. */
  publicKey: string;
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
  /** Default: digitalSignature + nonRepudiation (a signing certificate). */
  keyUsage?: readonly KeyUsage[];
}

/** An end-entity certificate (CA:false) issued and signed by `issuer`. */
export function issueCertificate(opts: IssueOptions): Buffer {
  const { cert, privateKey } = opts.issuer;
  if (!cert.isCa || (cert.keyUsage && !cert.keyUsage.includes('keyCertSign'))) {
    throw new Error('签发证书失败：签发者证书不是 CA 证书（缺少 CA:true 或 keyCertSign）');
  }
  checkKeyPair(privateKey, cert.publicKey, '签发者');
  const point = parseSm2PublicKey(opts.publicKey);
  const issuerKeyId = cert.subjectKeyIdHex
    ? Buffer.from(cert.subjectKeyIdHex, 'hex')
    : keyIdentifier(Buffer.from(cert.publicKey, 'base64'));
  return signCertificate(
    {
      serialHex: opts.serialHex,
      issuerName: cert.subjectNameDer,
      subjectName: encodeName(opts.subject),
      notBefore: opts.notBefore,
      notAfter: opts.notAfter,
      point,
      extensions: [
        basicConstraintsExtension(false),
        keyUsageExtension(opts.keyUsage ?? ['digitalSignature', 'nonRepudiation']),
        subjectKeyIdExtension(keyIdentifier(point)),
        authorityKeyIdExtension(issuerKeyId),
      ],
    },
    privateKey,
  );
}

interface TbsFields {
  serialHex: string;
  issuerName: Uint8Array;
  subjectName: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  point: Uint8Array;
  extensions: Buffer[];
}

function signCertificate(f: TbsFields, privateKey: string): Buffer {
  if (!(f.notAfter.getTime() > f.notBefore.getTime())) {
    throw new Error('签发证书失败：有效期截止时间必须晚于起始时间');
  }
  const tbs = sequence(
    explicit(0, smallInt(2)),
    unsignedInt(serialBytes(f.serialHex)),
    SM3_WITH_SM2_ALGORITHM,
    f.issuerName,
    sequence(time(f.notBefore), time(f.notAfter)),
    f.subjectName,
    encodeSm2PublicKeyInfo(f.point),
    explicit(3, sequence(...f.extensions)),
  );
  return sequence(tbs, SM3_WITH_SM2_ALGORITHM, bitString(signatureDer(tbs, privateKey)));
}

/** SM3withSM2 (user id 1234567812345678) over `data`, DER SEQUENCE { r, s }. */
export function signatureDer(data: Uint8Array, privateKey: string): Buffer {
  return rawSignatureToDer(Buffer.from(sm2SignFast(data, privateKey), 'base64'));
}

/** 16 random bytes, top bit clear (a positive INTEGER of exactly 16 octets). */
export function randomSerialHex(): string {
  const bytes = crypto.randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01;
  return bytes.toString('hex').toUpperCase();
}

function checkKeyPair(privateKey: string, publicKey: string, who: string): void {
  if (sm2PublicKeyFromPrivate(privateKey) !== parseSm2PublicKey(publicKey).toString('base64')) {
    throw new Error(`签发证书失败：${who}私钥与证书公钥不匹配`);
  }
}
