/**
 * X.509 certificates and CRLs with SM2 keys and SM3withSM2 signatures (center-protocol §3,
 * R-SIGN / ST-EPC-02-008): parse, issue (sandbox CA, tests), and verify a signing certificate
 * against a trust store and CRLs. Signatures use the SM2 user id 1234567812345678.
 */
export { MAX_CERTIFICATE_BYTES, parseCertificate, type Sm2Certificate } from './certificate';
export {
  CRL_REASON_LABELS,
  CRL_REASONS,
  type CreateCrlOptions,
  type CrlReason,
  createCrl,
  effectiveRevocationTime,
  findRevocation,
  MAX_CRL_BYTES,
  type ParsedCrl,
  parseCrl,
  type RevokedEntry,
  verifyCrl,
  wasRevokedBefore,
} from './crl';
export { X509Error, type X509ErrorCode } from './errors';
export { KEY_USAGES, type KeyUsage } from './extensions';
export {
  type CreateCaOptions,
  createCaCertificate,
  type IssueOptions,
  issueCertificate,
  randomSerialHex,
  type Sm2KeyPair,
} from './issue';
export { type DnAttribute, formatDn, type SubjectName } from './name';
export { parseCertificateCached, parseCrlCached } from './parse-cache';
export { fromPem, type PemLabel, toPem } from './pem';
export { normalizeSerialHex } from './serial';
export { clearSignatureCache } from './signature';
export {
  beijingTime,
  type ChainFailure,
  type ChainFailureCode,
  type ChainOk,
  type ChainResult,
  type RevocationStatus,
  type VerifyChainOptions,
  verifyCertificateChain,
} from './verify';
