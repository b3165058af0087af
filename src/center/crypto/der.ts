/**
 * The little DER this module needs: SEQUENCE, INTEGER, OCTET STRING, BIT STRING, OID and
 * context tags, for SM2 signatures (SEQUENCE { r, s }) and SM2 key containers (SPKI, PKCS#8,
 * SEC1). Readers are strict: definite minimal lengths, nothing trailing.
 */

export const TAG = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  sequence: 0x30,
} as const;

export interface DerNode {
  tag: number;
  /** Content bytes (a view into the input). */
  value: Uint8Array;
}

export function encodeTlv(tag: number, value: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(value.length), value]);
}

function encodeLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function encodeSequence(...items: Uint8Array[]): Buffer {
  return encodeTlv(TAG.sequence, Buffer.concat(items));
}

/** Non-negative INTEGER from big-endian magnitude bytes (minimal form). */
export function encodeUnsignedInteger(magnitude: Uint8Array): Buffer {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  let body = Buffer.from(magnitude.subarray(start));
  if (body.length === 0) body = Buffer.from([0]);
  if ((body[0] ?? 0) & 0x80) body = Buffer.concat([Buffer.from([0]), body]);
  return encodeTlv(TAG.integer, body);
}

export function encodeOid(dotted: string): Buffer {
  const parts = dotted.split('.').map((p) => BigInt(p));
  const [first = 0n, second = 0n, ...rest] = parts;
  const out: number[] = [];
  for (const arc of [first * 40n + second, ...rest]) {
    const chunk: number[] = [Number(arc & 0x7fn)];
    for (let v = arc >> 7n; v > 0n; v >>= 7n) chunk.unshift(Number(v & 0x7fn) | 0x80);
    out.push(...chunk);
  }
  return encodeTlv(TAG.oid, Buffer.from(out));
}

export function decodeOid(value: Uint8Array): string {
  const arcs: bigint[] = [];
  let acc = 0n;
  for (const b of value) {
    acc = (acc << 7n) | BigInt(b & 0x7f);
    if ((b & 0x80) === 0) {
      arcs.push(acc);
      acc = 0n;
    }
  }
  const [head = 0n, ...rest] = arcs;
  const first = head < 80n ? head / 40n : 2n;
  return [first, head - first * 40n, ...rest].join('.');
}

/** Reads exactly one TLV that spans the whole input. */
export function readSingle(input: Uint8Array): DerNode {
  const { node, next } = readTlv(input, 0);
  if (next !== input.length) throw new Error('DER: trailing bytes');
  return node;
}

/** Reads consecutive TLVs that together span the whole input (the children of a SEQUENCE). */
export function readChildren(input: Uint8Array): DerNode[] {
  const nodes: DerNode[] = [];
  let offset = 0;
  while (offset < input.length) {
    const { node, next } = readTlv(input, offset);
    nodes.push(node);
    offset = next;
  }
  return nodes;
}

function readTlv(input: Uint8Array, offset: number): { node: DerNode; next: number } {
  const tag = input[offset];
  const first = input[offset + 1];
  if (tag === undefined || first === undefined) throw new Error('DER: truncated header');
  if ((tag & 0x1f) === 0x1f) throw new Error('DER: multi-byte tags not supported');
  let length = first;
  let pos = offset + 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4) throw new Error('DER: unsupported length form');
    length = 0;
    for (let i = 0; i < count; i++) {
      const b = input[pos++];
      if (b === undefined) throw new Error('DER: truncated length');
      if (i === 0 && b === 0) throw new Error('DER: non-minimal length');
      length = length * 256 + b;
    }
    if (length < 0x80) throw new Error('DER: non-minimal length');
  }
  const end = pos + length;
  if (end > input.length) throw new Error('DER: truncated value');
  return { node: { tag, value: input.subarray(pos, end) }, next: end };
}

/** Magnitude bytes of a non-negative minimal INTEGER. */
export function readUnsignedInteger(node: DerNode): Uint8Array {
  const v = node.value;
  if (node.tag !== TAG.integer || v.length === 0) throw new Error('DER: expected INTEGER');
  const b0 = v[0] ?? 0;
  if (b0 & 0x80) throw new Error('DER: negative INTEGER');
  if (v.length > 1 && b0 === 0 && ((v[1] ?? 0) & 0x80) === 0) {
    throw new Error('DER: non-minimal INTEGER');
  }
  return b0 === 0 && v.length > 1 ? v.subarray(1) : v;
}

export function expectTag(node: DerNode | undefined, tag: number, what: string): DerNode {
  if (!node || node.tag !== tag) throw new Error(`DER: expected ${what}`);
  return node;
}

export function toPem(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** The DER inside the first PEM block with one of the labels; throws when there is none. */
export function fromPem(pem: string, labels: readonly string[]): { label: string; der: Buffer } {
  const re = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
  for (const m of pem.matchAll(re)) {
    const label = m[1] ?? '';
    if (labels.includes(label)) {
      return { label, der: Buffer.from((m[2] ?? '').replace(/\s+/g, ''), 'base64') };
    }
  }
  throw new Error(`PEM 中没有 ${labels.join(' / ')} 块`);
}
