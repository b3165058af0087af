import {
  DEFAULT_SM2_USER_ID,
  rawSignatureToDer,
  sm2PublicKeyFromPrivate,
  sm2SignFast,
} from '../crypto';
import { readSm2SignatureAlgorithm, SM3_WITH_SM2_ALGORITHM } from './algorithms';
import {
  type Asn1Node,
  decodeSmallInt,
  decodeTime,
  decodeUnsignedHex,
  enter,
  explicitTag,
  readDer,
  TAG,
} from './asn1-reader';
import { bitString, explicit, sequence, smallInt, time, unsignedInt } from './asn1-writer';
import { readSm2Signature, type Sm2Certificate, sha256Hex } from './certificate';
import { malformed } from './errors';
import {
  authorityKeyIdExtension,
  decodeAuthorityKeyId,
  decodeSingle,
  extension,
  keyIdentifier,
  readExtensions,
} from './extensions';
import { type DnAttribute, formatDn, parseName } from './name';
import { OID } from './oids';
import { normalizeSerialHex, serialBytes } from './serial';
import { isSignedBy } from './signature';

/** RFC 5280 §5.3.1 CRLReason (value 7 is unused). */
export const CRL_REASONS = {
  unspecified: 0,
  keyCompromise: 1,
  cACompromise: 2,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
  certificateHold: 6,
  removeFromCRL: 8,
  privilegeWithdrawn: 9,
  aACompromise: 10,
} as const;
export type CrlReason = keyof typeof CRL_REASONS;

/** Chinese labels for messages. */
export const CRL_REASON_LABELS: Record<CrlReason, string> = {
  unspecified: '未说明原因',
  keyCompromise: '私钥泄露',
  cACompromise: 'CA 私钥泄露',
  affiliationChanged: '隶属关系变更',
  superseded: '证书已被替换',
  cessationOfOperation: '停止使用',
  certificateHold: '证书冻结',
  removeFromCRL: '从吊销列表移除',
  privilegeWithdrawn: '权限撤销',
  aACompromise: '属性机构私钥泄露',
};

export interface RevokedEntry {
  readonly serialHex: string;
  readonly revokedAt: Date;
  readonly reason?: CrlReason;
  /** When the key is known or suspected to have become unsafe (may precede revokedAt). */
  readonly invalidityDate?: Date;
}

export interface ParsedCrl {
  readonly version: number;
  readonly issuerDn: string;
  readonly issuer: readonly (readonly DnAttribute[])[];
  readonly thisUpdate: Date;
  /** Absent in the CRL means: we cannot tell when it goes stale (treated as stale). */
  readonly nextUpdate: Date | null;
  readonly crlNumberHex?: string;
  readonly authorityKeyIdHex?: string;
  /** Keyed by normalised serial hex (as Sm2Certificate.serialHex). */
  readonly revoked: ReadonlyMap<string, RevokedEntry>;
  readonly unhandledCriticalExtensions: readonly string[];
  readonly signatureAlgorithmOid: string;
  readonly tbsDer: Uint8Array;
  readonly signatureRaw: Uint8Array;
  readonly der: Uint8Array;
  readonly fingerprintHex: string;
}

/** A regional CA's CRL may hold many thousand entries; this still bounds hostile input. */
export const MAX_CRL_BYTES = 16 * 1024 * 1024;

const REASON_BY_CODE = new Map<number, CrlReason>(
  Object.entries(CRL_REASONS).map(([k, v]) => [v, k as CrlReason]),
);

/** Parses a DER CRL (v1 or v2) signed SM3withSM2. Throws X509Error as parseCertificate does. */
export function parseCrl(input: Uint8Array): ParsedCrl {
  if (!(input instanceof Uint8Array)) throw malformed('CRL: not bytes');
  if (input.length > MAX_CRL_BYTES) throw malformed('CRL: too large');
  // A private copy (the caller may reuse its buffer); a plain Uint8Array slices cheaper than Buffer.
  const der = new Uint8Array(input);
  const outer = enter(readDer(der, 'CRL'), TAG.sequence, 'CRL');
  const tbsNode = outer.expect(TAG.sequence, 'tbsCertList');
  const outerAlg = outer.expect(TAG.sequence, 'signatureAlgorithm');
  const sigNode = outer.expect(TAG.bitString, 'signatureValue');
  outer.finish();

  const tbs = enter(tbsNode, TAG.sequence, 'tbsCertList');
  const versionNode = tbs.optional(TAG.integer, 'version');
  const version = versionNode ? decodeSmallInt(versionNode, 'version') + 1 : 1;
  if (version > 2) throw malformed(`CRL: unknown version ${version}`);
  const innerAlg = tbs.expect(TAG.sequence, 'signature');
  const issuer = parseName(tbs.expect(TAG.sequence, 'issuer'), 'CRL issuer');
  const thisUpdate = decodeTime(tbs.next('thisUpdate'), 'thisUpdate');
  const next = tbs.peekTag();
  const nextUpdate =
    next === TAG.utcTime || next === TAG.generalizedTime
      ? decodeTime(tbs.next('nextUpdate'), 'nextUpdate')
      : null;
  const revokedNode = tbs.optional(TAG.sequence, 'revokedCertificates');
  const extNode = tbs.optional(explicitTag(0), 'crlExtensions');
  tbs.finish();

  const signatureAlgorithmOid = readSm2SignatureAlgorithm(outerAlg, 'signatureAlgorithm');
  if (!Buffer.from(innerAlg.der).equals(outerAlg.der)) {
    throw malformed('CRL: inner and outer signature algorithms differ');
  }
  const signatureRaw = readSm2Signature(sigNode, 'signatureValue');
  const revoked = revokedNode ? readRevoked(revokedNode, version) : new Map();
  if (extNode && version !== 2) throw malformed('CRL: extensions in a v1 CRL');
  const ext = extNode ? readCrlExtensions(extNode) : { unhandledCriticalExtensions: [] };

  return {
    version,
    issuerDn: formatDn(issuer),
    issuer,
    thisUpdate,
    nextUpdate,
    ...ext,
    revoked,
    signatureAlgorithmOid,
    tbsDer: tbsNode.der,
    signatureRaw,
    der,
    fingerprintHex: sha256Hex(der),
  };
}

function readRevoked(node: Asn1Node, version: number): Map<string, RevokedEntry> {
  const out = new Map<string, RevokedEntry>();
  const list = enter(node, TAG.sequence, 'revokedCertificates');
  while (!list.done) {
    const entry = enter(list.next('entry'), TAG.sequence, 'revoked entry');
    const serialHex = decodeUnsignedHex(entry.expect(TAG.integer, 'serial'), 'revoked serial');
    const revokedAt = decodeTime(entry.next('revocationDate'), 'revocationDate');
    const extNode = entry.optional(TAG.sequence, 'crlEntryExtensions');
    entry.finish();
    if (extNode && version !== 2) throw malformed('CRL: entry extensions in a v1 CRL');
    let reason: CrlReason | undefined;
    let invalidityDate: Date | undefined;
    if (extNode) {
      const exts = readExtensions(extNode, 'crlEntryExtensions');
      const r = exts.get(OID.crlReason);
      if (r) {
        const code = decodeSingle(r, 'reasonCode', (n, w) => decodeSmallInt(n, w, TAG.enumerated));
        reason = REASON_BY_CODE.get(code);
        if (!reason) throw malformed(`CRL: unknown reason code ${code}`);
      }
      const inv = exts.get(OID.invalidityDate);
      if (inv) invalidityDate = decodeSingle(inv, 'invalidityDate', decodeTime);
    }
    const key = normalizeSerialHex(serialHex) ?? serialHex;
    const earlier = out.get(key);
    if (earlier && earlier.revokedAt <= revokedAt) continue;
    out.set(key, {
      serialHex: key,
      revokedAt,
      ...(reason ? { reason } : {}),
      ...(invalidityDate ? { invalidityDate } : {}),
    });
  }
  return out;
}

function readCrlExtensions(node: Asn1Node): {
  crlNumberHex?: string;
  authorityKeyIdHex?: string;
  unhandledCriticalExtensions: string[];
} {
  const wrapper = enter(node, explicitTag(0), 'crlExtensions');
  const all = readExtensions(wrapper.expect(TAG.sequence, 'crlExtensions'), 'crlExtensions');
  wrapper.finish();
  const out: { crlNumberHex?: string; authorityKeyIdHex?: string } = {};
  const num = all.get(OID.crlNumber);
  if (num) out.crlNumberHex = decodeSingle(num, 'cRLNumber', decodeUnsignedHex);
  const aki = all.get(OID.authorityKeyIdentifier);
  const akiHex = aki ? decodeAuthorityKeyId(aki, 'authorityKeyIdentifier') : undefined;
  if (akiHex) out.authorityKeyIdHex = akiHex;
  const understood = new Set<string>([OID.crlNumber, OID.authorityKeyIdentifier]);
  return {
    ...out,
    unhandledCriticalExtensions: [...all]
      .filter(([id, e]) => e.critical && !understood.has(id))
      .map(([id]) => id),
  };
}

/**
 * RFC 5280 §6.3.3 (f): when the CRL issuer's certificate has a key usage extension, its
 * cRLSign bit must be set; a CA whose key may only sign certificates cannot vouch for a CRL.
 */
export function mayIssueCrls(ca: Sm2Certificate): boolean {
  return ca.keyUsage === null || ca.keyUsage.includes('cRLSign');
}

/**
 * True when `ca` issued this CRL: allowed to sign CRLs (mayIssueCrls), same issuer name,
 * matching key identifiers when both carry one, and a valid SM3withSM2 signature with
 * Z(userId). `userId` defaults to 1234567812345678 (GM/T 0015), which is what we sign with;
 * note that OpenSSL 3.0 itself checks CRL signatures with an empty SM2 id and has no option to
 * change that.
 */
export function verifyCrl(
  crl: ParsedCrl,
  ca: Sm2Certificate,
  userId: string = DEFAULT_SM2_USER_ID,
): boolean {
  if (!mayIssueCrls(ca)) return false;
  if (crl.issuerDn !== ca.subjectDn) return false;
  if (crl.authorityKeyIdHex && ca.subjectKeyIdHex && crl.authorityKeyIdHex !== ca.subjectKeyIdHex) {
    return false;
  }
  return isSignedBy(crl, ca.publicKey, ca.fingerprintHex, userId);
}

/** The CRL's entry for a serial (any hex case / leading zeros), if listed. */
export function findRevocation(crl: ParsedCrl, serialHex: string): RevokedEntry | undefined {
  const key = normalizeSerialHex(serialHex);
  return key ? crl.revoked.get(key) : undefined;
}

/**
 * The entry when the certificate was already revoked at `signingTime`, i.e. the signature was
 * made with a revoked certificate. Revocation takes effect at revokedAt, or at invalidityDate
 * when the CA recorded an earlier one. An entry revoked only after `signingTime` returns
 * undefined: whether such a signature still counts is the caller's policy (a keyCompromise
 * entry without invalidityDate arguably taints earlier signatures too; `reason` is there).
 */
export function wasRevokedBefore(
  crl: ParsedCrl,
  serialHex: string,
  signingTime: Date,
): RevokedEntry | undefined {
  const entry = findRevocation(crl, serialHex);
  return entry && effectiveRevocationTime(entry) <= signingTime.getTime() ? entry : undefined;
}

export function effectiveRevocationTime(entry: RevokedEntry): number {
  const at = entry.revokedAt.getTime();
  return entry.invalidityDate ? Math.min(at, entry.invalidityDate.getTime()) : at;
}

export interface CreateCrlOptions {
  issuer: Sm2Certificate;
  privateKey: string;
  thisUpdate: Date;
  nextUpdate: Date;
  revoked: readonly { serialHex: string; revokedAt: Date; reason?: CrlReason }[];
  /** cRLNumber; default: thisUpdate in seconds (monotonic for a CA that issues one per second). */
  crlNumber?: number | bigint;
  /**
   * SM2 signer id; default 1234567812345678. Pass '' only to make a CRL that OpenSSL 3.0's
   * `openssl verify -crl_check` / `openssl crl -verify` can check (they use the empty id).
   */
  userId?: string;
}

/** A v2 CRL signed SM3withSM2 by the CA, with authorityKeyIdentifier and cRLNumber. DER. */
export function createCrl(opts: CreateCrlOptions): Buffer {
  const { issuer } = opts;
  if (sm2PublicKeyFromPrivate(opts.privateKey) !== issuer.publicKey) {
    throw new Error('生成吊销列表失败：CA 私钥与 CA 证书公钥不匹配');
  }
  if (!(opts.nextUpdate.getTime() > opts.thisUpdate.getTime())) {
    throw new Error('生成吊销列表失败：下次更新时间必须晚于本次更新时间');
  }
  const entries = opts.revoked.map((r) =>
    sequence(
      unsignedInt(serialBytes(r.serialHex)),
      time(r.revokedAt),
      ...(r.reason === undefined
        ? []
        : [
            sequence(
              extension(OID.crlReason, false, smallInt(CRL_REASONS[r.reason], TAG.enumerated)),
            ),
          ]),
    ),
  );
  const keyId = issuer.subjectKeyIdHex
    ? Buffer.from(issuer.subjectKeyIdHex, 'hex')
    : keyIdentifier(Buffer.from(issuer.publicKey, 'base64'));
  const crlNumber = BigInt(opts.crlNumber ?? Math.floor(opts.thisUpdate.getTime() / 1000));
  if (crlNumber < 0n) throw new Error('生成吊销列表失败：CRL 编号不能为负数');
  const crlNumberHex = crlNumber.toString(16);
  const tbs = sequence(
    smallInt(1),
    SM3_WITH_SM2_ALGORITHM,
    issuer.subjectNameDer,
    time(opts.thisUpdate),
    time(opts.nextUpdate),
    ...(entries.length ? [sequence(...entries)] : []),
    explicit(
      0,
      sequence(
        authorityKeyIdExtension(keyId),
        extension(
          OID.crlNumber,
          false,
          unsignedInt(
            Buffer.from(
              crlNumberHex.padStart(crlNumberHex.length + (crlNumberHex.length % 2), '0'),
              'hex',
            ),
          ),
        ),
      ),
    ),
  );
  const signature = rawSignatureToDer(
    Buffer.from(sm2SignFast(tbs, opts.privateKey, opts.userId ?? DEFAULT_SM2_USER_ID), 'base64'),
  );
  return sequence(tbs, SM3_WITH_SM2_ALGORITHM, bitString(signature));
}
