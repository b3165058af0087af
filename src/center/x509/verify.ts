import type { RuleId } from '../../domain/rules';
import { parseCertificate, type Sm2Certificate } from './certificate';
import {
  CRL_REASON_LABELS,
  effectiveRevocationTime,
  findRevocation,
  mayIssueCrls,
  type ParsedCrl,
  type RevokedEntry,
  verifyCrl,
} from './crl';
import { X509Error } from './errors';
import { isSignedBy } from './signature';

export type ChainFailureCode =
  | 'UNKNOWN_CA'
  | 'BAD_CERT_SIGNATURE'
  | 'NOT_YET_VALID'
  | 'EXPIRED'
  | 'REVOKED'
  | 'CRL_MISSING'
  | 'CRL_STALE'
  | 'CRL_BAD_SIGNATURE'
  | 'CRL_NOT_AUTHORIZED'
  | 'NOT_CA'
  | 'MALFORMED';

/** How revocation was established for an accepted certificate. */
export type RevocationStatus =
  | 'CHECKED'
  | 'CRL_MISSING'
  | 'CRL_STALE'
  | 'CRL_BAD_SIGNATURE'
  | 'CRL_NOT_AUTHORIZED';

export interface ChainOk {
  ok: true;
  cert: Sm2Certificate;
  ca: Sm2Certificate;
  /** The CA's newest CRL whose signature verified, if any. */
  crl: ParsedCrl | null;
  /** Always CHECKED unless the caller passed requireCrl: false. */
  revocation: RevocationStatus;
  /** Chinese notes for the counter (e.g. revocation could not be checked). */
  warnings: string[];
}

export interface ChainFailure {
  ok: false;
  code: ChainFailureCode;
  /** Chinese, for the counter. */
  message: string;
  /** Technical detail for logs. */
  detail: string;
  ruleId: RuleId;
  cert?: Sm2Certificate;
  ca?: Sm2Certificate;
  /** For REVOKED: the CRL entry. */
  revocation?: RevokedEntry;
  /** For REVOKED when `signedAt` was given: the revocation took effect after the signing time. */
  revokedAfterSigning?: boolean;
}

export type ChainResult = ChainOk | ChainFailure;

export interface VerifyChainOptions {
  /** The trust store: CA certificates that may issue signing certificates (one level). */
  trustedCas: readonly Sm2Certificate[];
  /** CRLs at hand (any CA's; each is matched to its issuer and its signature checked). */
  crls: readonly ParsedCrl[];
  /** When to judge validity periods, revocation dates and CRL freshness (usually now). */
  at: Date;
  /**
   * Default true: without a fresh, correctly signed CRL of the issuing CA the certificate is
   * refused (CRL_MISSING / CRL_STALE / CRL_BAD_SIGNATURE). With false it is accepted and
   * `revocation` + `warnings` say what could not be checked; a CRL that lists it still refuses.
   */
  requireCrl?: boolean;
  /**
   * The claimed signing time of the document. It does not change the verdict — a certificate
   * revoked at `at` is REVOKED — but the failure then says whether the revocation took effect
   * after the signing time (`revokedAfterSigning`), so the caller's policy can decide. Use
   * `wasRevokedBefore` from ./crl for the same question on a CRL directly.
   */
  signedAt?: Date;
}

/**
 * Verifies a signing certificate against the trust store and the CRLs: issuer known, issuer
 * is a CA, CA signature (SM3withSM2, id 1234567812345678), validity periods of certificate and
 * CA at `at`, revocation via the CA's newest valid CRL. Never throws for bad input.
 * Checks run in that order; the first failure is reported.
 */
export function verifyCertificateChain(
  leafInput: Sm2Certificate | Uint8Array,
  opts: VerifyChainOptions,
): ChainResult {
  let cert: Sm2Certificate;
  try {
    cert = isParsed(leafInput) ? leafInput : parseCertificate(leafInput);
  } catch (e) {
    const err = e instanceof X509Error ? e : undefined;
    return fail(
      'MALFORMED',
      err?.message ?? '签名证书无法解析',
      err ? `${err.code}: ${err.detail ?? ''}` : String(e),
    );
  }
  if (cert.unhandledCriticalExtensions.length) {
    return fail(
      'MALFORMED',
      '签名证书含有无法处理的关键扩展，不能使用',
      `critical extensions ${cert.unhandledCriticalExtensions.join(', ')}`,
      { cert },
    );
  }

  const named = opts.trustedCas.filter(
    (ca) =>
      ca.subjectDn === cert.issuerDn &&
      !(
        ca.subjectKeyIdHex &&
        cert.authorityKeyIdHex &&
        ca.subjectKeyIdHex !== cert.authorityKeyIdHex
      ),
  );
  if (named.length === 0) {
    return fail(
      'UNKNOWN_CA',
      `签名证书的签发机构不在受信任的 CA 列表中（签发者：${cert.issuerDn}）`,
      `no trusted CA named ${cert.issuerDn}`,
      { cert },
    );
  }
  const capable = named.filter(isUsableCa);
  if (capable.length === 0) {
    return fail(
      'NOT_CA',
      `签发者证书不是 CA 证书，不能签发签名证书（${cert.issuerDn}）`,
      'issuer lacks CA:true / keyCertSign, or has unhandled critical extensions',
      { cert, ca: named[0] },
    );
  }
  const ca = capable.find((c) => isSignedBy(cert, c.publicKey, c.fingerprintHex));
  if (!ca) {
    return fail(
      'BAD_CERT_SIGNATURE',
      '签名证书的 CA 签名验证失败：证书可能被篡改，或并非由受信任的 CA 签发',
      `SM3withSM2 signature over tbsCertificate does not verify with ${capable.length} CA key(s)`,
      { cert },
    );
  }

  const at = opts.at.getTime();
  const period = checkPeriod(cert, at, '签名证书') ?? checkPeriod(ca, at, '签发机构 CA 证书');
  if (period) return fail(period.code, period.message, period.detail, { cert, ca });

  return checkRevocation(cert, ca, opts);
}

function isParsed(v: unknown): v is Sm2Certificate {
  return (
    typeof v === 'object' &&
    v !== null &&
    !(v instanceof Uint8Array) &&
    (v as Sm2Certificate).der instanceof Uint8Array
  );
}

function isUsableCa(ca: Sm2Certificate): boolean {
  return (
    ca.isCa &&
    (ca.keyUsage === null || ca.keyUsage.includes('keyCertSign')) &&
    ca.unhandledCriticalExtensions.length === 0
  );
}

function checkPeriod(
  c: Sm2Certificate,
  at: number,
  who: string,
): { code: ChainFailureCode; message: string; detail: string } | undefined {
  if (at < c.notBefore.getTime()) {
    return {
      code: 'NOT_YET_VALID',
      message: `${who}尚未生效（生效时间 ${beijingTime(c.notBefore)}）`,
      detail: `notBefore ${c.notBefore.toISOString()} (${c.subjectDn})`,
    };
  }
  if (at > c.notAfter.getTime()) {
    return {
      code: 'EXPIRED',
      message: `${who}已过期（有效期至 ${beijingTime(c.notAfter)}）`,
      detail: `notAfter ${c.notAfter.toISOString()} (${c.subjectDn})`,
    };
  }
  return undefined;
}

function checkRevocation(
  cert: Sm2Certificate,
  ca: Sm2Certificate,
  opts: VerifyChainOptions,
): ChainResult {
  const requireCrl = opts.requireCrl ?? true;
  const at = opts.at.getTime();
  const ofCa = opts.crls.filter(
    (crl) =>
      crl.issuerDn === ca.subjectDn &&
      !(
        crl.authorityKeyIdHex &&
        ca.subjectKeyIdHex &&
        crl.authorityKeyIdHex !== ca.subjectKeyIdHex
      ),
  );
  // A CRL with critical extensions we do not process (a delta CRL, a partitioned CRL) cannot
  // prove anything; one that fails its signature is ignored, as if it were not there.
  const usable = ofCa.filter((crl) => crl.unhandledCriticalExtensions.length === 0);
  if (usable.length > 0 && !mayIssueCrls(ca)) {
    const message =
      '签发机构 CA 证书的密钥用途不含 cRLSign，无权签发证书吊销列表，其吊销列表不予采信；无法确认签名证书未被吊销';
    const detail = `CA ${ca.subjectDn} keyUsage ${ca.keyUsage?.join(',')} lacks cRLSign (RFC 5280 §6.3.3)`;
    if (requireCrl) return fail('CRL_NOT_AUTHORIZED', message, detail, { cert, ca });
    return { ok: true, cert, ca, crl: null, revocation: 'CRL_NOT_AUTHORIZED', warnings: [message] };
  }
  const valid = usable.filter((crl) => verifyCrl(crl, ca));
  const badSignatures = usable.length - valid.length;
  const newest = valid.reduce<ParsedCrl | null>(
    (best, crl) => (best === null || crl.thisUpdate > best.thisUpdate ? crl : best),
    null,
  );

  if (!newest) {
    const code: RevocationStatus = badSignatures ? 'CRL_BAD_SIGNATURE' : 'CRL_MISSING';
    const message = badSignatures
      ? '签发机构的证书吊销列表签名无效，已忽略；无法确认签名证书未被吊销'
      : '缺少签发机构的证书吊销列表，无法确认签名证书未被吊销；请联网更新吊销列表';
    const detail = `${ofCa.length} CRL(s) named ${ca.subjectDn}, ${badSignatures} with a bad signature`;
    if (requireCrl) return fail(code, message, detail, { cert, ca });
    return { ok: true, cert, ca, crl: null, revocation: code, warnings: [message] };
  }

  const entry = findRevocation(newest, cert.serialHex);
  if (entry && entry.reason !== 'removeFromCRL' && effectiveRevocationTime(entry) <= at) {
    const signedAt = opts.signedAt?.getTime();
    const afterSigning =
      signedAt === undefined ? undefined : effectiveRevocationTime(entry) > signedAt;
    const reason = entry.reason ? `，原因：${CRL_REASON_LABELS[entry.reason]}` : '';
    const when = afterSigning ? '；吊销发生在处方签名之后' : '';
    return fail(
      'REVOKED',
      `签名证书已被吊销（吊销时间 ${beijingTime(entry.revokedAt)}${reason}）${when}`,
      `serial ${cert.serialHex} listed in CRL of ${newest.thisUpdate.toISOString()}`,
      {
        cert,
        ca,
        revocation: entry,
        ...(afterSigning === undefined ? {} : { revokedAfterSigning: afterSigning }),
      },
    );
  }

  if (newest.nextUpdate === null || newest.nextUpdate.getTime() < at) {
    const message = newest.nextUpdate
      ? `证书吊销列表已过期（应于 ${beijingTime(newest.nextUpdate)} 前更新），无法确认签名证书未被吊销；请联网更新吊销列表`
      : '证书吊销列表未注明下次更新时间，无法确认其是否最新；请联网更新吊销列表';
    const detail = `newest valid CRL nextUpdate ${newest.nextUpdate?.toISOString() ?? 'absent'}`;
    if (requireCrl) return fail('CRL_STALE', message, detail, { cert, ca });
    return { ok: true, cert, ca, crl: newest, revocation: 'CRL_STALE', warnings: [message] };
  }
  return { ok: true, cert, ca, crl: newest, revocation: 'CHECKED', warnings: [] };
}

function fail(
  code: ChainFailureCode,
  message: string,
  detail: string,
  extra: Partial<Pick<ChainFailure, 'cert' | 'ca' | 'revocation' | 'revokedAfterSigning'>> = {},
): ChainFailure {
  return { ok: false, code, message, detail, ruleId: 'R-SIGN', ...extra };
}

/** "2026-05-01 08:00:00" in Beijing time (UTC+8, no DST), how the counter shows times. */
export function beijingTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}
