import { weierstrass } from '@noble/curves/abstract/weierstrass.js';
import { bytesToBigInt, toBytes } from './bytes';
import { SM2_A, SM2_B, SM2_GX, SM2_GY, SM2_N, SM2_P } from './sm2-curve';
import { sm2ZValue } from './sm2-z';
import { createSm3 } from './sm3-incremental';

/** The SM2 curve in @noble/curves' audited point arithmetic (GB/T 32918.5 parameters). */
const Sm2Point = weierstrass({
  p: SM2_P,
  n: SM2_N,
  h: 1n,
  a: SM2_A,
  b: SM2_B,
  Gx: SM2_GX,
  Gy: SM2_GY,
});
type Point = InstanceType<typeof Sm2Point>;
// A window table for G, built at the first verification: s·G then costs a few dozen additions.
Sm2Point.BASE.precompute(8);

/**
 * What verification keeps per signer key (a handful of hospitals sign every prescription a
 * pharmacy sees): the point, its Z values per user id, and from the key's second use a window
 * table (width 4: about four multiplications to build), after which t·P_A costs additions only,
 * about a third of the plain multiplication.
 * The first use stays table-free, so a key seen once never pays for building one.
 */
interface SignerKey {
  point: Point;
  z: Map<string, Buffer>;
  uses: number;
}
const TABLE_WINDOW = 4;
const KEY_LIMIT = 32;
const keys = new Map<string, SignerKey>();

function signerKey(publicPoint: Uint8Array): SignerKey {
  const id = Buffer.from(publicPoint).toString('base64');
  let key = keys.get(id);
  if (!key) {
    key = {
      point: Sm2Point.fromAffine({
        x: bytesToBigInt(publicPoint.subarray(1, 33)),
        y: bytesToBigInt(publicPoint.subarray(33, 65)),
      }),
      z: new Map(),
      uses: 0,
    };
    if (keys.size >= KEY_LIMIT) keys.delete(keys.keys().next().value as string);
    keys.set(id, key);
  }
  key.uses += 1;
  if (key.uses === 2) key.point.precompute(TABLE_WINDOW, false);
  return key;
}

function zValue(key: SignerKey, publicPoint: Uint8Array, userId: string): Buffer {
  let z = key.z.get(userId);
  if (!z) {
    z = sm2ZValue(publicPoint, userId);
    key.z.set(userId, z);
  }
  return z;
}

/** Forgets every signer key's point, Z values and table (benchmarks of a first-seen key). */
export function clearSm2KeyCache(): void {
  keys.clear();
}

/**
 * SM2 verification (GB/T 32918.2 §7.1) on already-parsed inputs: the 65-byte point `publicPoint`
 * (checked on the curve by the caller) and r, s in [1, n-1]. t = (r + s) mod n ≠ 0;
 * (x1, y1) = s·G + t·P_A; valid when (e + x1) mod n = r, e = SM3(Z ‖ M). Variable-time
 * arithmetic is fine here: everything verified is public.
 */
export function sm2VerifyParsed(
  message: Uint8Array | string,
  r: bigint,
  s: bigint,
  publicPoint: Uint8Array,
  userId: string,
): boolean {
  const t = (r + s) % SM2_N;
  if (t === 0n) return false;
  const key = signerKey(publicPoint);
  const sum = Sm2Point.BASE.multiplyUnsafe(s).add(key.point.multiplyUnsafe(t));
  if (sum.is0()) return false;
  const digest = createSm3();
  digest.update(zValue(key, publicPoint, userId));
  digest.update(toBytes(message));
  const e = BigInt(`0x${digest.hex()}`);
  return (e + sum.toAffine().x) % SM2_N === r;
}
