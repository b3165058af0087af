import crypto from 'node:crypto';
import { derSignatureToRaw } from '../crypto';
import { readSm2PublicKeyInfo, readSm2SignatureAlgorithm } from './algorithms';
import {
  type Asn1Node,
  decodeOctetAlignedBits,
  decodeSmallInt,
  decodeTime,
  decodeUnsignedHex,
  enter,
  explicitTag,
  implicitTag,
  readDer,
  TAG,
} from './asn1-reader';
import { malformed } from './errors';
import {
  decodeAuthorityKeyId,
  decodeBasicConstraints,
  decodeKeyUsage,
  decodeSubjectKeyId,
  type KeyUsage,
  readExtensions,
} from './extensions';
import { type DnAttribute, formatDn, parseName } from './name';
import { OID, UNDERSTOOD_EXTENSIONS } from './oids';

/** A parsed X.509 certificate with an SM2 key, signed SM3withSM2. */
export interface Sm2Certificate {
  readonly version: number;
  /** Upper-case hex of the serial's magnitude, as `openssl x509 -serial` prints it. */
  readonly serialHex: string;
  /** RFC 4514 string, most specific first: "CN=…,OU=…,O=…,C=CN"; Chinese text intact. */
  readonly issuerDn: string;
  readonly subjectDn: string;
  readonly issuer: readonly (readonly DnAttribute[])[];
  readonly subject: readonly (readonly DnAttribute[])[];
  /** The Name encodings as they are in the certificate (what an issued certificate copies). */
  readonly issuerNameDer: Uint8Array;
  readonly subjectNameDer: Uint8Array;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Base64 of the 65-byte uncompressed point (our key format). */
  readonly publicKey: string;
  readonly signatureAlgorithmOid: string;
  /** The signed bytes (tbsCertificate, DER). */
  readonly tbsDer: Uint8Array;
  /** r‖s, 64 bytes. */
  readonly signatureRaw: Uint8Array;
  /** basicConstraints cA (false when the extension is absent). */
  readonly isCa: boolean;
  readonly pathLenConstraint?: number;
  /** The keyUsage bits set, or null when the certificate has no keyUsage extension. */
  readonly keyUsage: readonly KeyUsage[] | null;
  readonly subjectKeyIdHex?: string;
  readonly authorityKeyIdHex?: string;
  /** OIDs of critical extensions we do not process; the verifier refuses such a certificate. */
  readonly unhandledCriticalExtensions: readonly string[];
  /** The whole certificate (a private copy of the input). */
  readonly der: Uint8Array;
  /** Upper-case hex SHA-256 of `der`. */
  readonly fingerprintHex: string;
}

/** Far above any real certificate; bounds the work a hostile input can cause. */
export const MAX_CERTIFICATE_BYTES = 64 * 1024;

/**
 * Parses a DER certificate. Throws X509Error: MALFORMED for anything that is not strict DER of
 * the X.509 structure; NOT_SM2 for a key other than SM2 or a signature other than SM3withSM2.
 * Parsing checks no signature and no date (see verifyCertificateChain).
 */
export function parseCertificate(input: Uint8Array): Sm2Certificate {
  if (!(input instanceof Uint8Array)) throw malformed('certificate: not bytes');
  if (input.length > MAX_CERTIFICATE_BYTES) throw malformed('certificate: too large');
  // A private copy (the caller may reuse its buffer); a plain Uint8Array slices cheaper than Buffer.
  const der = new Uint8Array(input);
  const outer = enter(readDer(der, 'certificate'), TAG.sequence, 'certificate');
  const tbsNode = outer.expect(TAG.sequence, 'tbsCertificate');
  const outerAlg = outer.expect(TAG.sequence, 'signatureAlgorithm');
  const sigNode = outer.expect(TAG.bitString, 'signatureValue');
  outer.finish();

  const tbs = enter(tbsNode, TAG.sequence, 'tbsCertificate');
  const versionNode = tbs.optional(explicitTag(0), 'version');
  const version = versionNode ? readVersion(versionNode) : 1;
  const serialHex = decodeUnsignedHex(tbs.expect(TAG.integer, 'serialNumber'), 'serialNumber');
  const innerAlg = tbs.expect(TAG.sequence, 'signature');
  const issuerNode = tbs.expect(TAG.sequence, 'issuer');
  const issuer = parseName(issuerNode, 'issuer');
  const validity = enter(tbs.expect(TAG.sequence, 'validity'), TAG.sequence, 'validity');
  const notBefore = decodeTime(validity.next('notBefore'), 'notBefore');
  const notAfter = decodeTime(validity.next('notAfter'), 'notAfter');
  validity.finish();
  const subjectNode = tbs.expect(TAG.sequence, 'subject');
  const subject = parseName(subjectNode, 'subject');
  const spki = tbs.expect(TAG.sequence, 'subjectPublicKeyInfo');
  if (version >= 2) {
    tbs.optional(implicitTag(1), 'issuerUniqueID');
    tbs.optional(implicitTag(2), 'subjectUniqueID');
  }
  const extensionsNode = version === 3 ? tbs.optional(explicitTag(3), 'extensions') : undefined;
  tbs.finish();

  // Algorithms before the signature bytes: a foreign certificate gets a clear NOT_SM2.
  const publicKey = readSm2PublicKeyInfo(spki, 'subjectPublicKeyInfo');
  const signatureAlgorithmOid = readSm2SignatureAlgorithm(outerAlg, 'signatureAlgorithm');
  if (!Buffer.from(innerAlg.der).equals(outerAlg.der)) {
    throw malformed('certificate: inner and outer signature algorithms differ');
  }
  const signatureRaw = readSm2Signature(sigNode, 'signatureValue');

  const ext = extensionsNode ? readCertExtensions(extensionsNode) : EMPTY_EXTENSIONS;
  return {
    version,
    serialHex,
    issuerDn: formatDn(issuer),
    subjectDn: formatDn(subject),
    issuer,
    subject,
    issuerNameDer: issuerNode.der,
    subjectNameDer: subjectNode.der,
    notBefore,
    notAfter,
    publicKey,
    signatureAlgorithmOid,
    tbsDer: tbsNode.der,
    signatureRaw,
    ...ext,
    der,
    fingerprintHex: sha256Hex(der),
  };
}

function readVersion(node: Asn1Node): number {
  const inner = enter(node, explicitTag(0), 'version');
  const v = decodeSmallInt(inner.expect(TAG.integer, 'version'), 'version');
  inner.finish();
  if (v > 2) throw malformed(`certificate: unknown version ${v + 1}`);
  return v + 1;
}

/** signatureValue BIT STRING holding DER SEQUENCE { r, s } → 64 raw bytes. */
export function readSm2Signature(node: Asn1Node, what: string): Uint8Array {
  const bytes = decodeOctetAlignedBits(node, what);
  try {
    return derSignatureToRaw(bytes);
  } catch (e) {
    throw malformed(`${what}: ${(e as Error).message}`);
  }
}

type CertExtensionFields = Pick<
  Sm2Certificate,
  | 'isCa'
  | 'pathLenConstraint'
  | 'keyUsage'
  | 'subjectKeyIdHex'
  | 'authorityKeyIdHex'
  | 'unhandledCriticalExtensions'
>;

const EMPTY_EXTENSIONS: CertExtensionFields = {
  isCa: false,
  keyUsage: null,
  unhandledCriticalExtensions: [],
};

function readCertExtensions(node: Asn1Node): CertExtensionFields {
  const wrapper = enter(node, explicitTag(3), 'extensions');
  const all = readExtensions(wrapper.expect(TAG.sequence, 'extensions'), 'extensions');
  wrapper.finish();
  const out: {
    -readonly [K in keyof CertExtensionFields]: CertExtensionFields[K];
  } = { isCa: false, keyUsage: null, unhandledCriticalExtensions: [] };
  const bc = all.get(OID.basicConstraints);
  if (bc) {
    const { isCa, pathLen } = decodeBasicConstraints(bc, 'basicConstraints');
    out.isCa = isCa;
    if (pathLen !== undefined) out.pathLenConstraint = pathLen;
  }
  const ku = all.get(OID.keyUsage);
  if (ku) out.keyUsage = decodeKeyUsage(ku, 'keyUsage');
  const ski = all.get(OID.subjectKeyIdentifier);
  if (ski) out.subjectKeyIdHex = decodeSubjectKeyId(ski, 'subjectKeyIdentifier');
  const aki = all.get(OID.authorityKeyIdentifier);
  const akiHex = aki ? decodeAuthorityKeyId(aki, 'authorityKeyIdentifier') : undefined;
  if (akiHex) out.authorityKeyIdHex = akiHex;
  out.unhandledCriticalExtensions = [...all]
    .filter(([id, e]) => e.critical && !UNDERSTOOD_EXTENSIONS.has(id))
    .map(([id]) => id);
  return out;
}

export function sha256Hex(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex').toUpperCase();
}
