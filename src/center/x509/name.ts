import { type Asn1Node, decodeDirectoryString, decodeOid, enter, TAG } from './asn1-reader';
import { oid, printableString, sequence, setOf, utf8String } from './asn1-writer';
import { malformed } from './errors';

/** One attribute of a distinguished name, e.g. { type: 'CN', oid: '2.5.4.3', value: '某某医院' }. */
export interface DnAttribute {
  /** Short name (CN, O, OU, C, L, ST, …) or the dotted OID when we have no name for it. */
  readonly type: string;
  readonly oid: string;
  /** The decoded text; for a value that is not a string, `#` + hex of its DER (RFC 4514 §2.4). */
  readonly value: string;
}

/** What we put into the subject of a certificate we issue (encoded C, ST, L, O, OU, CN order). */
export interface SubjectName {
  C?: string;
  ST?: string;
  L?: string;
  O?: string;
  OU?: string;
  CN: string;
  /** 2.5.4.5, e.g. the institution's unified social credit code. */
  serialNumber?: string;
}

const SHORT_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.2.840.113549.1.9.1': 'emailAddress',
};

const ENCODE_ORDER: ReadonlyArray<readonly [keyof SubjectName, string]> = [
  ['C', '2.5.4.6'],
  ['ST', '2.5.4.8'],
  ['L', '2.5.4.7'],
  ['O', '2.5.4.10'],
  ['OU', '2.5.4.11'],
  ['CN', '2.5.4.3'],
  ['serialNumber', '2.5.4.5'],
];

/** Name ::= SEQUENCE OF RelativeDistinguishedName (each a SET OF AttributeTypeAndValue). */
export function parseName(node: Asn1Node, what: string): DnAttribute[][] {
  const rdns: DnAttribute[][] = [];
  const names = enter(node, TAG.sequence, what);
  while (!names.done) {
    const set = enter(names.next('RDN'), TAG.set, `${what}/RDN`);
    const rdn: DnAttribute[] = [];
    while (!set.done) {
      const atv = enter(set.next('attribute'), TAG.sequence, `${what}/attribute`);
      const type = decodeOid(atv.expect(TAG.oid, 'type'), `${what}/type`);
      const valueNode = atv.next('value');
      atv.finish();
      const short = SHORT_NAMES[type];
      const value = short
        ? decodeDirectoryString(valueNode, `${what}/${short}`)
        : `#${Buffer.from(valueNode.der).toString('hex')}`;
      rdn.push({ type: short ?? type, oid: type, value });
    }
    if (rdn.length === 0) throw malformed(`${what}: empty RDN`);
    rdns.push(rdn);
  }
  return rdns;
}

/**
 * RFC 4514 string: most specific RDN first (CN=…,OU=…,O=…,C=CN), multi-valued RDNs joined
 * with '+', special characters escaped, non-ASCII (Chinese) text kept as it is. This is what
 * `openssl x509 -nameopt RFC2253,-esc_msb` prints.
 */
export function formatDn(rdns: readonly (readonly DnAttribute[])[]): string {
  return [...rdns]
    .reverse()
    .map((rdn) => rdn.map((a) => `${a.type}=${escapeValue(a)}`).join('+'))
    .join(',');
}

function escapeValue(a: DnAttribute): string {
  if (!SHORT_NAMES[a.oid]) return a.value; // already #hex
  let s = a.value.replace(/[\\"+,;<>]/g, (c) => `\\${c}`).replace(/\0/g, '\\00');
  if (s.startsWith(' ') || s.startsWith('#')) s = `\\${s}`;
  if (s.endsWith(' ') && s.length > 1) s = `${s.slice(0, -1)}\\ `;
  return s;
}

/** DER Name for a subject; country as PrintableString (RFC 5280), the rest UTF8String. */
export function encodeName(name: SubjectName): Buffer {
  const rdns: Buffer[] = [];
  for (const [key, type] of ENCODE_ORDER) {
    const value = name[key];
    if (value === undefined) continue;
    if (value.length === 0) throw new Error(`证书主体 ${key} 不能为空`);
    const encoded =
      key === 'C' || key === 'serialNumber' ? printableString(value) : utf8String(value);
    rdns.push(setOf(sequence(oid(type), encoded)));
  }
  if (!name.CN) throw new Error('证书主体必须有 CN');
  return sequence(...rdns);
}
