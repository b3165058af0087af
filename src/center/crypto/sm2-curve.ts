/** SM2 recommended curve (GB/T 32918.5) and the default signer identity. */

export const DEFAULT_SM2_USER_ID = '1234567812345678';

export const SM2_CURVE_OID = '1.2.156.10197.1.301';
export const EC_PUBLIC_KEY_OID = '1.2.840.10045.2.1';

export const SM2_P = 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn;
export const SM2_A = 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn;
export const SM2_B = 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n;
export const SM2_N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
export const SM2_GX = 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n;
export const SM2_GY = 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n;

/** Affine point check; the cofactor is 1, so any curve point other than O is a valid key. */
export function isOnCurve(x: bigint, y: bigint): boolean {
  if (x < 0n || y < 0n || x >= SM2_P || y >= SM2_P) return false;
  const p = SM2_P;
  const lhs = (y * y) % p;
  const rhs = (((((x * x) % p) * x) % p) + ((SM2_A * x) % p) + SM2_B) % p;
  return lhs === rhs;
}
