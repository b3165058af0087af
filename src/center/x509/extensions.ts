import crypto from 'node:crypto';
import {
  type Asn1Node,
  DerReader,
  decodeBitString,
  decodeBoolean,
  decodeOid,
  decodeSmallInt,
  enter,
  implicitTag,
  readDer,
  TAG,
} from './asn1-reader';
import { booleanValue, namedBits, octetString, oid, sequence, smallInt, tlv } from './asn1-writer';
import { malformed } from './errors';
import { OID } from './oids';

export const KEY_USAGES = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;
export type KeyUsage = (typeof KEY_USAGES)[number];

export interface RawExtension {
  readonly critical: boolean;
  /** The DER inside extnValue. */
  readonly value: Uint8Array;
}

/** Extensions ::= SEQUENCE OF Extension; a repeated extension is malformed (RFC 5280 §4.2). */
export function readExtensions(node: Asn1Node, what: string): Map<string, RawExtension> {
  const out = new Map<string, RawExtension>();
  const list = enter(node, TAG.sequence, what);
  while (!list.done) {
    const ext = enter(list.next('extension'), TAG.sequence, `${what}/extension`);
    const id = decodeOid(ext.expect(TAG.oid, 'extnID'), `${what}/extnID`);
    const criticalNode = ext.optional(TAG.boolean, 'critical');
    const critical = criticalNode ? decodeBoolean(criticalNode, `${what}/critical`) : false;
    const value = ext.expect(TAG.octetString, 'extnValue').content;
    ext.finish();
    if (out.has(id)) throw malformed(`${what}: extension ${id} appears twice`);
    out.set(id, { critical, value });
  }
  return out;
}

export function decodeBasicConstraints(
  ext: RawExtension,
  what: string,
): { isCa: boolean; pathLen?: number } {
  const r = enter(readDer(ext.value, what), TAG.sequence, what);
  const caNode = r.optional(TAG.boolean, 'cA');
  const isCa = caNode ? decodeBoolean(caNode, what) : false;
  const lenNode = r.optional(TAG.integer, 'pathLen');
  r.finish();
  return lenNode ? { isCa, pathLen: decodeSmallInt(lenNode, `${what}/pathLen`) } : { isCa };
}

export function decodeKeyUsage(ext: RawExtension, what: string): KeyUsage[] {
  const { bytes } = decodeBitString(readDer(ext.value, what), what);
  if (bytes.length > 2) throw malformed(`${what}: KeyUsage too long`);
  return KEY_USAGES.filter((_, bit) => ((bytes[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0);
}

export function decodeSubjectKeyId(ext: RawExtension, what: string): string {
  const node = readDer(ext.value, what);
  if (node.tag !== TAG.octetString) throw malformed(`${what}: expected OCTET STRING`);
  return hex(node.content);
}

/** The keyIdentifier of AuthorityKeyIdentifier, when present ([1]/[2] are skipped). */
export function decodeAuthorityKeyId(ext: RawExtension, what: string): string | undefined {
  const r = enter(readDer(ext.value, what), TAG.sequence, what);
  const keyId = r.optional(implicitTag(0), 'keyIdentifier');
  r.optional(0xa1, 'authorityCertIssuer');
  r.optional(implicitTag(2), 'authorityCertSerialNumber');
  r.finish();
  return keyId ? hex(keyId.content) : undefined;
}

/** Reads a whole extnValue as one INTEGER / ENUMERATED / time etc. via `read`. */
export function decodeSingle<T>(
  ext: RawExtension,
  what: string,
  read: (n: Asn1Node, w: string) => T,
): T {
  const r = new DerReader(ext.value, what);
  const value = read(r.next('value'), what);
  r.finish();
  return value;
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex').toUpperCase();

// ---- encoders

export function extension(id: string, critical: boolean, valueDer: Uint8Array): Buffer {
  return critical
    ? sequence(oid(id), booleanValue(true), octetString(valueDer))
    : sequence(oid(id), octetString(valueDer));
}

export function basicConstraintsExtension(isCa: boolean, pathLen?: number): Buffer {
  const body = isCa
    ? sequence(booleanValue(true), ...(pathLen === undefined ? [] : [smallInt(pathLen)]))
    : sequence();
  return extension(OID.basicConstraints, true, body);
}

export function keyUsageExtension(usages: readonly KeyUsage[]): Buffer {
  return extension(OID.keyUsage, true, namedBits(usages.map((u) => KEY_USAGES.indexOf(u))));
}

export function subjectKeyIdExtension(keyId: Uint8Array): Buffer {
  return extension(OID.subjectKeyIdentifier, false, octetString(keyId));
}

export function authorityKeyIdExtension(keyId: Uint8Array): Buffer {
  return extension(OID.authorityKeyIdentifier, false, sequence(tlv(implicitTag(0), keyId)));
}

/** RFC 5280 §4.2.1.2 method (1), as OpenSSL's `subjectKeyIdentifier=hash`: SHA-1 of the key bits. */
export function keyIdentifier(point: Uint8Array): Buffer {
  return crypto.createHash('sha1').update(point).digest();
}
