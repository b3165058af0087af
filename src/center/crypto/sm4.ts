import crypto from 'node:crypto';
import smCrypto from 'sm-crypto';
import { toBytes } from './bytes';
import { nativeSupport } from './native';

const BLOCK = 16;

/** SM4-ECB with PKCS#7 padding (GB/T 32907). */
export function sm4EcbEncrypt(key: Uint8Array, plain: Uint8Array): Buffer {
  checkKey(key);
  if (nativeSupport().sm4Ecb) {
    const cipher = crypto.createCipheriv('sm4-ecb', key, null);
    return Buffer.concat([cipher.update(plain), cipher.final()]);
  }
  return smCryptoBlocks('encrypt', key, pkcs7Pad(plain));
}

/** Inverse of sm4EcbEncrypt; throws when the length or the PKCS#7 padding is wrong. */
export function sm4EcbDecrypt(key: Uint8Array, cipher: Uint8Array): Buffer {
  checkKey(key);
  if (cipher.length === 0 || cipher.length % BLOCK !== 0) {
    throw new Error(`SM4 密文长度无效：${cipher.length} 字节，应为 16 的正整数倍`);
  }
  if (nativeSupport().sm4Ecb) {
    const decipher = crypto.createDecipheriv('sm4-ecb', key, null);
    try {
      return Buffer.concat([decipher.update(cipher), decipher.final()]);
    } catch {
      throw new Error('SM4 解密失败：填充无效（密钥错误或密文被篡改）');
    }
  }
  return pkcs7Unpad(smCryptoBlocks('decrypt', key, cipher));
}

/**
 * The EPC working key (research §1.2): k1 = first 16 chars of appId; t = SM4-ECB-PKCS7(k1,
 * appSecret); key = ASCII bytes of the first 16 chars of upper-case hex(t).
 */
export function deriveSm4Key(appId: string, appSecret: string): Buffer {
  const k1 = toBytes(appId.slice(0, 16));
  if (k1.length !== BLOCK) throw new Error('appId 前 16 个字符必须恰好是 16 字节（ASCII）');
  const t = sm4EcbEncrypt(k1, toBytes(appSecret));
  return Buffer.from(t.toString('hex').toUpperCase().slice(0, 16), 'ascii');
}

/** Single-block-multiple SM4-ECB without padding: for standard test vectors. */
export function sm4EcbEncryptNoPadding(key: Uint8Array, plain: Uint8Array): Buffer {
  checkKey(key);
  if (plain.length % BLOCK !== 0) throw new Error('无填充 SM4 的明文长度必须是 16 的倍数');
  if (nativeSupport().sm4Ecb) {
    const cipher = crypto.createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    return Buffer.concat([cipher.update(plain), cipher.final()]);
  }
  return smCryptoBlocks('encrypt', key, plain);
}

function checkKey(key: Uint8Array): void {
  if (key.length !== BLOCK) throw new Error(`SM4 密钥必须是 16 字节，实际 ${key.length} 字节`);
}

/** sm-crypto without its own padding, so padding errors are detected here, not ignored. */
function smCryptoBlocks(op: 'encrypt' | 'decrypt', key: Uint8Array, data: Uint8Array): Buffer {
  const mode = { padding: 'none', output: 'array' } as const;
  const out =
    op === 'encrypt'
      ? smCrypto.sm4.encrypt(Array.from(data), Array.from(key), mode)
      : smCrypto.sm4.decrypt(Array.from(data), Array.from(key), mode);
  return Buffer.from(out);
}

export function pkcs7Pad(data: Uint8Array): Buffer {
  const n = BLOCK - (data.length % BLOCK);
  return Buffer.concat([data, Buffer.alloc(n, n)]);
}

export function pkcs7Unpad(data: Uint8Array): Buffer {
  const n = data[data.length - 1] ?? 0;
  const ok =
    data.length > 0 &&
    data.length % BLOCK === 0 &&
    n >= 1 &&
    n <= BLOCK &&
    data.subarray(data.length - n).every((b) => b === n);
  if (!ok) throw new Error('SM4 解密失败：填充无效（密钥错误或密文被篡改）');
  return Buffer.from(data.subarray(0, data.length - n));
}
