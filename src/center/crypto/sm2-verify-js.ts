import { weierstrass } from '@noble/curves/abstract/weierstrass.js';
import { bytesToBigInt } from './bytes';
import { SM2_A, SM2_B, SM2_GX, SM2_GY, SM2_N, SM2_P } from './sm2-curve';
import { sm2MessageDigest } from './sm2-z';

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
// A window table for G, built at the first verification: s·G then costs a few dozen additions.
Sm2Point.BASE.precompute(8);

/**
 * SM2 verification (GB/T 32918.2 §7.1) on already-parsed inputs: the 65-byte point `publicPoint`
 * (checked on the curve by the caller) and r, s in [1, n-1]. t = (r + s) mod n ≠ 0;
 * (x1, y1) = s·G + t·P_A; valid when (e + x1) mod n = r. Variable-time arithmetic is fine here:
 * everything verified is public.
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
  const pa = Sm2Point.fromAffine({
    x: bytesToBigInt(publicPoint.subarray(1, 33)),
    y: bytesToBigInt(publicPoint.subarray(33, 65)),
  });
  const sum = Sm2Point.BASE.multiply(s).add(pa.multiplyUnsafe(t));
  if (sum.is0()) return false;
  const e = bytesToBigInt(sm2MessageDigest(message, publicPoint, userId));
  return (e + sum.toAffine().x) % SM2_N === r;
}
