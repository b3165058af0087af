/** Object identifiers the X.509 module reads or writes. */
export const OID = {
  ecPublicKey: '1.2.840.10045.2.1',
  /** The SM2 curve (GM/T 0006); also used by some tools as the key algorithm itself. */
  sm2: '1.2.156.10197.1.301',
  sm3WithSm2: '1.2.156.10197.1.501',

  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  subjectAltName: '2.5.29.17',
  certificatePolicies: '2.5.29.32',
  crlDistributionPoints: '2.5.29.31',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  crlNumber: '2.5.29.20',
  crlReason: '2.5.29.21',
  invalidityDate: '2.5.29.24',
} as const;

/**
 * Extensions whose meaning we either enforce or which do not restrict what the verifier
 * checks; a critical extension outside this set makes a certificate unusable (RFC 5280 §4.2).
 */
export const UNDERSTOOD_EXTENSIONS: ReadonlySet<string> = new Set([
  OID.basicConstraints,
  OID.keyUsage,
  OID.extKeyUsage,
  OID.subjectKeyIdentifier,
  OID.authorityKeyIdentifier,
  OID.subjectAltName,
  OID.certificatePolicies,
  OID.crlDistributionPoints,
  OID.authorityInfoAccess,
]);

/** Readable names for algorithms we refuse, so the refusal says what was found. */
const FOREIGN_ALGORITHMS: Record<string, string> = {
  '1.2.840.113549.1.1.1': 'RSA',
  '1.2.840.113549.1.1.5': 'SHA1withRSA',
  '1.2.840.113549.1.1.10': 'RSASSA-PSS',
  '1.2.840.113549.1.1.11': 'SHA256withRSA',
  '1.2.840.113549.1.1.12': 'SHA384withRSA',
  '1.2.840.113549.1.1.13': 'SHA512withRSA',
  '1.2.840.10045.4.1': 'ECDSA-SHA1',
  '1.2.840.10045.4.3.2': 'ECDSA-SHA256',
  '1.2.840.10045.4.3.3': 'ECDSA-SHA384',
  '1.2.840.10045.4.3.4': 'ECDSA-SHA512',
  '1.2.840.10045.3.1.7': 'NIST P-256',
  '1.3.132.0.34': 'NIST P-384',
  '1.3.132.0.35': 'NIST P-521',
  '1.3.132.0.10': 'secp256k1',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
  '1.2.840.10040.4.1': 'DSA',
  '1.2.156.10197.1.504': 'SHA256withSM2',
};

export function algorithmName(oid: string): string {
  return FOREIGN_ALGORITHMS[oid] ?? oid;
}
