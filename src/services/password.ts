import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Staff passwords: scrypt (memory-hard, in Node's standard library), a fresh 16-byte salt per
 * hash, parameters stored with the hash so they can be raised later without breaking old
 * accounts. Encoded as `scrypt$N$r$p$salt$hash` (salt and hash in base64).
 */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;

/**
 * Bounds for parameters read back from the database, so a tampered hash cannot make a log-in
 * burn memory or CPU: scrypt needs about 128·N·r bytes, kept under 256 MiB here.
 */
const LIMITS = { maxMemoryBytes: 256 * 1024 * 1024, maxR: 32, maxP: 4 } as const;

export async function hashPassword(plain: string): Promise<string> {
  if (plain.length === 0) throw new Error('密码不能为空');
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(plain, salt, PARAMS.N, PARAMS.r, PARAMS.p, KEY_BYTES);
  return [
    'scrypt',
    PARAMS.N,
    PARAMS.r,
    PARAMS.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
}

/** True only for the right password; a malformed or tampered encoding is simply false. */
export async function verifyPassword(plain: string, encoded: string): Promise<boolean> {
  const parsed = parse(encoded);
  if (!parsed) return false;
  const { N, r, p, salt, expected } = parsed;
  const actual = await derive(plain, salt, N, r, p, expected.length);
  return timingSafeEqual(actual, expected);
}

function parse(encoded: string) {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts
    .slice(1, 4)
    .map((x) => (/^\d{1,8}$/.test(x ?? '') ? Number(x) : Number.NaN));
  if (N === undefined || r === undefined || p === undefined) return null;
  const powerOfTwo = N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || !(r >= 1 && r <= LIMITS.maxR) || !(p >= 1 && p <= LIMITS.maxP)) return null;
  if (128 * N * r > LIMITS.maxMemoryBytes) return null;
  const salt = base64(parts[4] ?? '');
  const expected = base64(parts[5] ?? '');
  if (!salt || !expected || salt.length < 8 || expected.length < 16 || expected.length > 64)
    return null;
  return { N, r, p, salt, expected };
}

function base64(text: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  const buf = Buffer.from(text, 'base64');
  // reject encodings that do not round-trip (stray bits, wrong padding)
  return buf.toString('base64') === text ? buf : null;
}

function derive(
  plain: string,
  salt: Buffer,
  N: number,
  r: number,
  p: number,
  length: number,
): Promise<Buffer> {
  const options: ScryptOptions = { N, r, p, maxmem: 128 * N * r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(plain.normalize('NFC'), salt, length, options, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}
