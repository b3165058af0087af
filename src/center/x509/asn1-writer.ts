import { explicitTag, TAG } from './asn1-reader';

/** DER encoders for what certificates and CRLs contain (minimal lengths, DER SET OF order). */

export function tlv(tag: number, ...content: Uint8Array[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), encodeLength(body.length), body]);
}

function encodeLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export const sequence = (...items: Uint8Array[]): Buffer => tlv(TAG.sequence, ...items);

/** SET OF: DER orders the encoded elements as byte strings. */
export function setOf(...items: Uint8Array[]): Buffer {
  const sorted = [...items].sort((a, b) => Buffer.compare(a, b));
  return tlv(TAG.set, ...sorted);
}

/** [n] EXPLICIT wrapper. */
export const explicit = (n: number, inner: Uint8Array): Buffer => tlv(explicitTag(n), inner);

export const nullValue = (): Buffer => Buffer.from([TAG.null, 0]);

export const booleanValue = (v: boolean): Buffer => tlv(TAG.boolean, Buffer.from([v ? 0xff : 0]));

export function smallInt(n: number, tag: number = TAG.integer): Buffer {
  if (!Number.isInteger(n) || n < 0 || n > 0x7fffffff) throw new RangeError(`integer ${n}`);
  return unsignedInt(Buffer.from(n.toString(16).padStart(8, '0'), 'hex'), tag);
}

/** Non-negative INTEGER from big-endian magnitude bytes, minimal. */
export function unsignedInt(magnitude: Uint8Array, tag: number = TAG.integer): Buffer {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  const body = magnitude.subarray(start);
  const pad = body.length === 0 || (body[0] ?? 0) & 0x80;
  return tlv(tag, pad ? Buffer.from([0]) : Buffer.alloc(0), body);
}

export function oid(dotted: string): Buffer {
  const arcs = dotted.split('.').map((p) => {
    if (!/^\d+$/.test(p)) throw new Error(`OID ${dotted}`);
    return BigInt(p);
  });
  const [first = 0n, second = 0n, ...rest] = arcs;
  const out: number[] = [];
  for (const arc of [first * 40n + second, ...rest]) {
    const chunk: number[] = [Number(arc & 0x7fn)];
    for (let v = arc >> 7n; v > 0n; v >>= 7n) chunk.unshift(Number(v & 0x7fn) | 0x80);
    out.push(...chunk);
  }
  return tlv(TAG.oid, Buffer.from(out));
}

export const utf8String = (s: string): Buffer => tlv(TAG.utf8String, Buffer.from(s, 'utf8'));

const PRINTABLE_RE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

export function printableString(s: string): Buffer {
  if (!PRINTABLE_RE.test(s)) throw new Error(`“${s}” 含 PrintableString 不允许的字符`);
  return tlv(TAG.printableString, Buffer.from(s, 'latin1'));
}

export const octetString = (bytes: Uint8Array): Buffer => tlv(TAG.octetString, bytes);

/** BIT STRING of whole bytes. */
export const bitString = (bytes: Uint8Array): Buffer => tlv(TAG.bitString, Buffer.from([0]), bytes);

/**
 * Named-bit BIT STRING (KeyUsage, reasons): bit 0 is the most significant bit of the first
 * byte; DER drops trailing zero bits and counts them as unused.
 */
export function namedBits(bits: readonly number[]): Buffer {
  const highest = Math.max(-1, ...bits);
  if (highest < 0) return tlv(TAG.bitString, Buffer.from([0]));
  const bytes = Buffer.alloc(Math.floor(highest / 8) + 1);
  for (const bit of bits) bytes[bit >> 3] = (bytes[bit >> 3] ?? 0) | (0x80 >> (bit & 7));
  return tlv(TAG.bitString, Buffer.from([7 - (highest & 7)]), bytes);
}

/**
 * RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. Milliseconds are
 * dropped (DER times have whole seconds).
 */
export function time(date: Date): Buffer {
  const t = date.getTime();
  if (!Number.isFinite(t)) throw new RangeError('无效的日期');
  const year = date.getUTCFullYear();
  if (year < 1950 || year > 9999) throw new RangeError(`年份 ${year} 超出证书时间范围`);
  const two = (n: number) => String(n).padStart(2, '0');
  const rest = `${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}Z`;
  return year < 2050
    ? tlv(TAG.utcTime, Buffer.from(`${two(year % 100)}${rest}`, 'latin1'))
    : tlv(TAG.generalizedTime, Buffer.from(`${year}${rest}`, 'latin1'));
}
