import { malformed } from './errors';

/**
 * A strict DER reader, only as much as X.509 certificates and CRLs need. Definite minimal
 * lengths, single-byte tags, nothing trailing; every read is bounds-checked and every loop
 * advances, so truncated, over-long or hostile input throws X509Error('MALFORMED') and
 * never hangs. Callers walk a fixed schema, which bounds the nesting depth.
 */

export const TAG = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  enumerated: 0x0a,
  utf8String: 0x0c,
  printableString: 0x13,
  teletexString: 0x14,
  ia5String: 0x16,
  utcTime: 0x17,
  generalizedTime: 0x18,
  universalString: 0x1c,
  bmpString: 0x1e,
  sequence: 0x30,
  set: 0x31,
} as const;

/** [n] with the constructed bit (EXPLICIT tagging, or IMPLICIT over a constructed type). */
export const explicitTag = (n: number): number => 0xa0 | n;
/** [n] IMPLICIT over a primitive type. */
export const implicitTag = (n: number): number => 0x80 | n;

export interface Asn1Node {
  readonly tag: number;
  /** The whole TLV, header included (what a signature covers). */
  readonly der: Uint8Array;
  /** The content octets. */
  readonly content: Uint8Array;
}

export class DerReader {
  private offset = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly where: string,
  ) {}

  get done(): boolean {
    return this.offset >= this.bytes.length;
  }

  peekTag(): number | undefined {
    return this.done ? undefined : this.bytes[this.offset];
  }

  /** The next TLV, whatever its tag. */
  next(what: string): Asn1Node {
    const { node, end } = readTlv(this.bytes, this.offset, this.where, what);
    this.offset = end;
    return node;
  }

  expect(tag: number, what: string): Asn1Node {
    const actual = this.peekTag();
    if (actual !== tag) {
      const seen = actual === undefined ? 'end of data' : `tag 0x${actual.toString(16)}`;
      throw malformed(`${this.where}/${what}: expected tag 0x${tag.toString(16)}, found ${seen}`);
    }
    return this.next(what);
  }

  optional(tag: number, what: string): Asn1Node | undefined {
    return this.peekTag() === tag ? this.next(what) : undefined;
  }

  /** Throws when bytes remain (DER allows nothing after the last field). */
  finish(): void {
    if (!this.done) throw malformed(`${this.where}: unexpected trailing data`);
  }
}

/** Exactly one TLV spanning the whole input. */
export function readDer(bytes: Uint8Array, what: string): Asn1Node {
  const { node, end } = readTlv(bytes, 0, what, '');
  if (end !== bytes.length) throw malformed(`${what}: trailing bytes after the outer structure`);
  return node;
}

/** A reader over the children of a constructed node, checking its tag first. */
export function enter(node: Asn1Node, tag: number, what: string): DerReader {
  if (node.tag !== tag) throw malformed(`${what}: expected tag 0x${tag.toString(16)}`);
  return new DerReader(node.content, what);
}

function readTlv(
  bytes: Uint8Array,
  offset: number,
  where: string,
  what: string,
): { node: Asn1Node; end: number } {
  const tag = bytes[offset];
  const first = bytes[offset + 1];
  if (tag === undefined || first === undefined) throw tlvError(where, what, 'truncated header');
  if ((tag & 0x1f) === 0x1f) throw tlvError(where, what, 'multi-byte tag');
  let length = first;
  let pos = offset + 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0) throw tlvError(where, what, 'indefinite length (BER, not DER)');
    if (count > 4) throw tlvError(where, what, 'length field too long');
    length = 0;
    for (let i = 0; i < count; i++) {
      const b = bytes[pos++];
      if (b === undefined) throw tlvError(where, what, 'truncated length');
      if (i === 0 && b === 0) throw tlvError(where, what, 'non-minimal length');
      length = length * 256 + b;
    }
    if (length < 0x80) throw tlvError(where, what, 'non-minimal length');
  }
  const end = pos + length;
  if (end > bytes.length) throw tlvError(where, what, 'value runs past the end of the data');
  return {
    node: { tag, der: bytes.subarray(offset, end), content: bytes.subarray(pos, end) },
    end,
  };
}

/** The location text is built only on failure: a big CRL reads hundreds of thousands of TLVs. */
function tlvError(where: string, what: string, why: string) {
  return malformed(`${what ? `${where}/${what}` : where}: ${why}`);
}

// ---- primitive decoders

export function decodeBoolean(node: Asn1Node, what: string): boolean {
  const b = node.content[0];
  if (node.tag !== TAG.boolean || node.content.length !== 1 || (b !== 0 && b !== 0xff)) {
    throw malformed(`${what}: invalid BOOLEAN`);
  }
  return b === 0xff;
}

/** Checks DER INTEGER minimality and returns the two's-complement content. */
function integerContent(node: Asn1Node, what: string): Uint8Array {
  const v = node.content;
  const b0 = v[0];
  const b1 = v[1];
  if (b0 === undefined) throw malformed(`${what}: empty INTEGER`);
  if (b1 !== undefined && ((b0 === 0 && !(b1 & 0x80)) || (b0 === 0xff && b1 & 0x80))) {
    throw malformed(`${what}: non-minimal INTEGER`);
  }
  return v;
}

/**
 * A non-negative INTEGER as upper-case hex of its minimal magnitude bytes, the way
 * `openssl x509 -serial` prints serials (e.g. 1 → "01"). Negative values are refused.
 */
export function decodeUnsignedHex(node: Asn1Node, what: string): string {
  if (node.tag !== TAG.integer) throw malformed(`${what}: expected INTEGER`);
  const v = integerContent(node, what);
  if ((v[0] ?? 0) & 0x80) throw malformed(`${what}: negative INTEGER`);
  const magnitude = v.length > 1 && v[0] === 0 ? v.subarray(1) : v;
  return Buffer.from(magnitude).toString('hex').toUpperCase();
}

/** A small non-negative INTEGER or ENUMERATED (versions, reason codes, path lengths). */
export function decodeSmallInt(node: Asn1Node, what: string, tag: number = TAG.integer): number {
  if (node.tag !== tag) throw malformed(`${what}: expected tag 0x${tag.toString(16)}`);
  const v = integerContent(node, what);
  if ((v[0] ?? 0) & 0x80) throw malformed(`${what}: negative value`);
  if (v.length > 4) throw malformed(`${what}: value too large`);
  let n = 0;
  for (const b of v) n = n * 256 + b;
  return n;
}

const MAX_OID_BYTES = 64;

export function decodeOid(node: Asn1Node, what: string): string {
  const v = node.content;
  if (node.tag !== TAG.oid || v.length === 0 || v.length > MAX_OID_BYTES) {
    throw malformed(`${what}: invalid OBJECT IDENTIFIER`);
  }
  const arcs: number[] = [];
  let acc = 0;
  let started = false;
  for (const b of v) {
    if (!started && b === 0x80) throw malformed(`${what}: non-minimal OID arc`);
    started = true;
    acc = acc * 128 + (b & 0x7f);
    if (acc > Number.MAX_SAFE_INTEGER / 128) throw malformed(`${what}: OID arc too large`);
    if (!(b & 0x80)) {
      arcs.push(acc);
      acc = 0;
      started = false;
    }
  }
  if (started) throw malformed(`${what}: truncated OID arc`);
  const [head = 0, ...rest] = arcs;
  const top = head < 80 ? Math.floor(head / 40) : 2;
  return [top, head - top * 40, ...rest].join('.');
}

/** BIT STRING content; DER requires the unused trailing bits to be zero. */
export function decodeBitString(
  node: Asn1Node,
  what: string,
): { bytes: Uint8Array; unusedBits: number } {
  const v = node.content;
  const unusedBits = v[0];
  if (node.tag !== TAG.bitString || unusedBits === undefined || unusedBits > 7) {
    throw malformed(`${what}: invalid BIT STRING`);
  }
  const bytes = v.subarray(1);
  const last = bytes[bytes.length - 1];
  if (unusedBits > 0 && (last === undefined || last & ((1 << unusedBits) - 1))) {
    throw malformed(`${what}: BIT STRING padding bits not zero`);
  }
  return { bytes, unusedBits };
}

/** A BIT STRING that must hold whole bytes (keys, signatures). */
export function decodeOctetAlignedBits(node: Asn1Node, what: string): Uint8Array {
  const { bytes, unusedBits } = decodeBitString(node, what);
  if (unusedBits !== 0) throw malformed(`${what}: BIT STRING is not octet-aligned`);
  return bytes;
}

export function decodeNull(node: Asn1Node, what: string): void {
  if (node.tag !== TAG.null || node.content.length !== 0) throw malformed(`${what}: invalid NULL`);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * UTCTime (YYMMDDHHMMSSZ, 50–99 → 19xx) or GeneralizedTime (YYYYMMDDHHMMSSZ), the only forms
 * DER allows in certificates; calendar-checked. Read digit by digit: a large CRL has one or two
 * times per entry.
 */
export function decodeTime(node: Asn1Node, what: string): Date {
  const v = node.content;
  const long = node.tag === TAG.generalizedTime;
  if (
    (!long && node.tag !== TAG.utcTime) ||
    v.length !== (long ? 15 : 13) ||
    v[v.length - 1] !== 0x5a
  ) {
    throw malformed(`${what}: invalid time`);
  }
  let year = long ? digits(v, 0, 4) : digits(v, 0, 2);
  const p = long ? 4 : 2;
  const month = digits(v, p, 2);
  const day = digits(v, p + 2, 2);
  const hour = digits(v, p + 4, 2);
  const minute = digits(v, p + 6, 2);
  const second = digits(v, p + 8, 2);
  if (!long && year >= 0) year += year >= 50 ? 1900 : 2000;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const monthDays = (DAYS_IN_MONTH[month - 1] ?? 0) + (month === 2 && leap ? 1 : 0);
  if (
    year < 0 ||
    day < 1 ||
    day > monthDays ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59
  ) {
    throw malformed(`${what}: time out of range`);
  }
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  date.setUTCFullYear(year); // Date.UTC maps years 0–99 to 19xx
  return date;
}

/** The decimal number in v[from, from+count), or -1 when any byte is not a digit. */
function digits(v: Uint8Array, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = (v[i] ?? 0) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The directory string types a Name may use; Chinese text survives intact. */
export function decodeDirectoryString(node: Asn1Node, what: string): string {
  const v = node.content;
  try {
    switch (node.tag) {
      case TAG.utf8String:
        return strictUtf8.decode(v);
      case TAG.printableString:
      case TAG.ia5String:
        if (v.some((b) => b > 0x7f)) throw new Error('non-ASCII');
        return Buffer.from(v).toString('latin1');
      case TAG.teletexString:
        return Buffer.from(v).toString('latin1');
      case TAG.bmpString:
        return codeUnits(v, 2);
      case TAG.universalString:
        return codeUnits(v, 4);
      default:
        throw new Error(`tag 0x${node.tag.toString(16)} is not a string type`);
    }
  } catch (e) {
    throw malformed(`${what}: ${(e as Error).message}`);
  }
}

/** UCS-2 (BMPString) or UCS-4 (UniversalString), big-endian. */
function codeUnits(bytes: Uint8Array, size: 2 | 4): string {
  if (bytes.length % size) throw new Error(`length not a multiple of ${size}`);
  let s = '';
  for (let i = 0; i < bytes.length; i += size) {
    let cp = 0;
    for (let j = 0; j < size; j++) cp = cp * 256 + (bytes[i + j] ?? 0);
    s += String.fromCodePoint(cp); // RangeError above U+10FFFF, reported as malformed
  }
  return s;
}
