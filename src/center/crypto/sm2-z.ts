import { bigIntToBytes, toBytes } from './bytes';
import { SM2_A, SM2_B, SM2_GX, SM2_GY } from './sm2-curve';
import { sm3Bytes } from './sm3';

const CURVE_BYTES = Buffer.concat([SM2_A, SM2_B, SM2_GX, SM2_GY].map((v) => bigIntToBytes(v, 32)));

/**
 * Z = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA) (GB/T 32918.2 §5.5): binds the signer's
 * identity and key into every SM2 signature. `publicPoint` is the 65-byte 04‖X‖Y point.
 */
export function sm2ZValue(publicPoint: Uint8Array, userId: string): Buffer {
  const id = toBytes(userId);
  const bits = id.length * 8;
  if (bits > 0xffff) throw new Error('SM2 用户标识过长（最多 8191 字节）');
  if (publicPoint.length !== 65 || publicPoint[0] !== 4)
    throw new Error('SM2 公钥应为 65 字节未压缩点');
  return sm3Bytes(
    Buffer.concat([
      Buffer.from([bits >> 8, bits & 0xff]),
      id,
      CURVE_BYTES,
      publicPoint.subarray(1),
    ]),
  );
}

/** e = SM3(Z ‖ M): the value SM2 actually signs. */
export function sm2MessageDigest(
  message: Uint8Array | string,
  publicPoint: Uint8Array,
  userId: string,
): Buffer {
  return sm3Bytes(Buffer.concat([sm2ZValue(publicPoint, userId), toBytes(message)]));
}
