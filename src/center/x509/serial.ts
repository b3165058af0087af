/** A positive serial of 1–20 octets from hex (either case, leading zeros allowed). */
export function serialBytes(serialHex: string): Buffer {
  if (!/^[0-9a-fA-F]+$/.test(serialHex)) throw new Error(`证书序列号不是十六进制：${serialHex}`);
  const even = serialHex.length % 2 ? `0${serialHex}` : serialHex;
  const bytes = Buffer.from(even, 'hex');
  let start = 0;
  while (start < bytes.length && bytes[start] === 0) start++;
  const magnitude = bytes.subarray(start);
  // RFC 5280 §4.1.2.2: positive, at most 20 octets including a sign byte.
  if (magnitude.length === 0) throw new Error('证书序列号不能为 0');
  if (magnitude.length + ((magnitude[0] ?? 0) & 0x80 ? 1 : 0) > 20) {
    throw new Error('证书序列号超过 20 字节');
  }
  return magnitude;
}

/** The form parsed certificates and CRLs use ("01", "7D4B…"), or null when not a valid serial. */
export function normalizeSerialHex(serialHex: string): string | null {
  try {
    return serialBytes(serialHex).toString('hex').toUpperCase();
  } catch {
    return null;
  }
}
