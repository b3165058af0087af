/**
 * Hand-built certificates and CRLs for the cases our issuer never produces (foreign keys, odd
 * encodings, unknown critical extensions). Built from the module's DER writer and signed
 * SM3withSM2 with the given key, so only the one property under test is wrong.
 */
import { SM3_WITH_SM2_ALGORITHM } from '../../../src/center/x509/algorithms';
import {
  bitString,
  explicit,
  nullValue,
  oid,
  sequence,
  smallInt,
  time,
  unsignedInt,
} from '../../../src/center/x509/asn1-writer';
import type { Sm2Certificate } from '../../../src/center/x509/certificate';
import {
  authorityKeyIdExtension,
  basicConstraintsExtension,
  extension,
  keyUsageExtension,
} from '../../../src/center/x509/extensions';
import { signatureDer } from '../../../src/center/x509/issue';
import { encodeName } from '../../../src/center/x509/name';

export interface CertParts {
  issuer: Sm2Certificate;
  issuerKey: string;
  /** The whole SubjectPublicKeyInfo DER. */
  spki: Uint8Array;
  serial?: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  /** Default: CA:false, keyUsage digitalSignature, AKI of the issuer. */
  extensions?: Uint8Array[];
  /** Default: SM3withSM2 with no parameters, in both places. */
  innerAlgorithm?: Uint8Array;
  outerAlgorithm?: Uint8Array;
  /** Leave out the version and extensions (an X.509 v1 certificate). */
  v1?: boolean;
}

export function buildCertificate(p: CertParts): Buffer {
  const extensions = p.extensions ?? [
    basicConstraintsExtension(false),
    keyUsageExtension(['digitalSignature']),
    authorityKeyIdExtension(Buffer.from(p.issuer.subjectKeyIdHex ?? '', 'hex')),
  ];
  const inner = p.innerAlgorithm ?? SM3_WITH_SM2_ALGORITHM;
  const tbs = sequence(
    ...(p.v1 ? [] : [explicit(0, smallInt(2))]),
    p.serial ? Buffer.from(p.serial) : unsignedInt(Buffer.from([0x42])),
    inner,
    p.issuer.subjectNameDer,
    sequence(time(p.notBefore), time(p.notAfter)),
    encodeName({ C: 'CN', O: '手工构造', CN: '手工构造的证书' }),
    p.spki,
    ...(p.v1 ? [] : [explicit(3, sequence(...extensions))]),
  );
  return sequence(tbs, p.outerAlgorithm ?? inner, bitString(signatureDer(tbs, p.issuerKey)));
}

/** SubjectPublicKeyInfo with the given algorithm OID, parameters and key bytes. */
export function spki(algorithmOid: string, params: Uint8Array | null, key: Uint8Array): Buffer {
  return sequence(
    params ? sequence(oid(algorithmOid), params) : sequence(oid(algorithmOid)),
    bitString(key),
  );
}

export const SM3_WITH_SM2_WITH_NULL = sequence(oid('1.2.156.10197.1.501'), nullValue());

/** A CRL with arbitrary extra CRL extensions (e.g. a critical deltaCRLIndicator). */
export function buildCrlWithExtensions(
  issuer: Sm2Certificate,
  issuerKey: string,
  thisUpdate: Date,
  nextUpdate: Date,
  extraExtensions: Uint8Array[],
): Buffer {
  const tbs = sequence(
    smallInt(1),
    SM3_WITH_SM2_ALGORITHM,
    issuer.subjectNameDer,
    time(thisUpdate),
    time(nextUpdate),
    explicit(
      0,
      sequence(
        authorityKeyIdExtension(Buffer.from(issuer.subjectKeyIdHex ?? '', 'hex')),
        ...extraExtensions,
      ),
    ),
  );
  return sequence(tbs, SM3_WITH_SM2_ALGORITHM, bitString(signatureDer(tbs, issuerKey)));
}

export { extension };
