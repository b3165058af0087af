import {
  encodeSequence,
  encodeUnsignedInteger,
  expectTag,
  readChildren,
  readSingle,
  readUnsignedInteger,
  TAG,
} from './der';

/** Raw r‖s (2 × 32 bytes, what the EPC envelope carries) to DER SEQUENCE { r, s } (what OpenSSL uses). */
export function rawSignatureToDer(raw: Uint8Array): Buffer {
  if (raw.length !== 64)
    throw new Error(`SM2 原始签名应为 64 字节（r‖s），实际 ${raw.length} 字节`);
  return encodeSequence(
    encodeUnsignedInteger(raw.subarray(0, 32)),
    encodeUnsignedInteger(raw.subarray(32)),
  );
}

/** Strict DER SEQUENCE { r, s } to raw r‖s; throws on anything else. */
export function derSignatureToRaw(der: Uint8Array): Buffer {
  let parts: Uint8Array[];
  try {
    const children = readChildren(expectTag(readSingle(der), TAG.sequence, 'SEQUENCE').value);
    if (children.length !== 2) throw new Error('expected two INTEGERs');
    parts = children.map((c) => readUnsignedInteger(c));
  } catch (e) {
    throw new Error(`SM2 DER 签名无效：${(e as Error).message}`);
  }
  const out = Buffer.alloc(64);
  parts.forEach((part, i) => {
    if (part.length > 32) throw new Error('SM2 DER 签名无效：r 或 s 超过 32 字节');
    out.set(part, i * 32 + 32 - part.length);
  });
  return out;
}
