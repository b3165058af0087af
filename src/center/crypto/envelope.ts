import { decodeUtf8Strict, hexToBytesStrict, toBytes } from './bytes';
import { EnvelopeError } from './envelope-error';
import { parseJsonLossless } from './json-lossless';
import { buildSignText } from './sign-text';
import { DEFAULT_SM2_USER_ID } from './sm2-curve';
import { sm2Sign, sm2Verify } from './sm2-js';
import { sm2SignFast, sm2VerifyFast } from './sm2-native';
import { deriveSm4Key, sm4EcbDecrypt, sm4EcbEncrypt } from './sm4';

export { EnvelopeError, type EnvelopeErrorReason } from './envelope-error';

/**
 * Which SM2 implementation signs and verifies: 'sm-crypto' (pure JS, default: sm-crypto signs,
 * @noble/curves' arithmetic verifies) or 'native' (OpenSSL through Node, same results; falls
 * back to the pure-JS path where OpenSSL lacks SM2, e.g. inside Electron).
 */
export type Sm2Engine = 'sm-crypto' | 'native';

export interface EnvelopeKeys {
  appId: string;
  appSecret: string;
  /** The signer's own private key (Base64 scalar). */
  privateKey: string;
  /** The other side's public key, used to verify what it sent (Base64 65-byte point). */
  peerPublicKey: string;
  /** SM2 signer identity; default 1234567812345678. */
  userId?: string;
  sm2Engine?: Sm2Engine;
}

export interface EpcRequestEnvelope {
  appId: string;
  encType: string;
  signType: string;
  timestamp: string | number;
  encData: string;
  signData: string;
  version?: string;
  [k: string]: unknown;
}

export interface EpcResponseEnvelope {
  code: number | string;
  message: string;
  success?: boolean;
  appId?: string;
  encType?: string;
  signType?: string;
  timestamp?: string | number;
  encData?: string;
  signData?: string;
  [k: string]: unknown;
}

type RequestHead = Pick<
  EpcRequestEnvelope,
  'appId' | 'encType' | 'signType' | 'timestamp' | 'version'
>;
type ResponseHead = Pick<
  EpcResponseEnvelope,
  'code' | 'message' | 'success' | 'appId' | 'encType' | 'signType' | 'timestamp'
>;

/** Encrypts and signs a request body for `POST /epc/api/fixmedins/<name>`. */
export function sealRequest(
  data: unknown,
  keys: EnvelopeKeys,
  opts: { timestamp?: number; version?: string } = {},
): EpcRequestEnvelope {
  const plaintext = serialize(data);
  const head: RequestHead = {
    appId: keys.appId,
    encType: 'SM4',
    signType: 'SM2',
    timestamp: String(opts.timestamp ?? Date.now()),
  };
  if (opts.version) head.version = opts.version;
  const encData = encrypt(plaintext, keys);
  const signData = sign({ ...head, data: parseJsonLossless(plaintext) }, keys);
  return { ...head, encData, signData };
}

/** Checks, decrypts and verifies a request body (with the app's public key); returns its data. */
export function openRequest(body: unknown, keys: EnvelopeKeys): unknown {
  const envelope = asObject(body);
  const appId = envelope.appId;
  if (typeof appId !== 'string' || appId === '') throw malformed('缺少 appId');
  if (appId !== keys.appId) throw new EnvelopeError('wrong_app', `appId 不匹配：${appId}`);
  checkAlgorithms(envelope, true);
  if (!isTimestamp(envelope.timestamp)) throw malformed('timestamp 应为毫秒时间戳（字符串或数字）');
  if (envelope.version !== undefined && typeof envelope.version !== 'string') {
    throw malformed('version 应为字符串');
  }
  if (typeof envelope.encData !== 'string' || envelope.encData === '')
    throw malformed('缺少 encData');
  const { data, plaintext } = decrypt(envelope.encData, keys);
  verify(envelope, plaintext, keys);
  return data;
}

/** Encrypts and signs a reply (code 0 = success unless `opts.code` says otherwise). */
export function sealResponse(
  data: unknown,
  keys: EnvelopeKeys,
  opts: { code?: number; message?: string; timestamp?: number } = {},
): EpcResponseEnvelope {
  const code = opts.code ?? 0;
  const head: ResponseHead = {
    code,
    message: opts.message ?? (code === 0 ? '成功' : '失败'),
    success: code === 0,
    appId: keys.appId,
    encType: 'SM4',
    signType: 'SM2',
    timestamp: String(opts.timestamp ?? Date.now()),
  };
  if (data === undefined) return { ...head, signData: sign(head, keys) };
  const plaintext = serialize(data);
  const encData = encrypt(plaintext, keys);
  const signData = sign({ ...head, data: parseJsonLossless(plaintext) }, keys);
  return { ...head, encData, signData };
}

/**
 * Checks a reply (code 0 as number or "0", else `center_error`), decrypts it and verifies it
 * with the platform key (`peerPublicKey`). A success without encData yields `data: null`.
 */
export function openResponse(
  body: unknown,
  keys: EnvelopeKeys,
): { code: number; message: string; data: unknown } {
  const envelope = asObject(body);
  const code = parseCode(envelope.code);
  const message = envelope.message ?? '';
  if (typeof message !== 'string') throw malformed('message 应为字符串');
  if (code !== 0) {
    throw new EnvelopeError('center_error', `中心返回错误 ${code}：${message}`, { code, message });
  }
  if (envelope.appId !== undefined && envelope.appId !== keys.appId) {
    throw new EnvelopeError('wrong_app', `应答的 appId 不匹配：${String(envelope.appId)}`);
  }
  checkAlgorithms(envelope, false);
  let data: unknown = null;
  let plaintext: string | undefined;
  if (envelope.encData !== undefined && envelope.encData !== null && envelope.encData !== '') {
    if (typeof envelope.encData !== 'string') throw malformed('encData 应为十六进制字符串');
    ({ data, plaintext } = decrypt(envelope.encData, keys));
  }
  verify(envelope, plaintext, keys);
  return { code, message, data };
}

/** The appId a body claims, so a server can pick the keys before opening it. */
export function envelopeAppId(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const appId = (body as Record<string, unknown>).appId;
  return typeof appId === 'string' && appId !== '' ? appId : null;
}

// ---- internals

function serialize(data: unknown): string {
  const text = JSON.stringify(data);
  if (text === undefined) throw malformed('业务数据无法序列化为 JSON');
  return text;
}

function encrypt(plaintext: string, keys: EnvelopeKeys): string {
  return sm4EcbEncrypt(deriveSm4Key(keys.appId, keys.appSecret), toBytes(plaintext))
    .toString('hex')
    .toUpperCase();
}

function decrypt(encData: string, keys: EnvelopeKeys): { data: unknown; plaintext: string } {
  const cipher = hexToBytesStrict(encData);
  if (!cipher) throw malformed('encData 不是十六进制');
  let plaintext: string;
  let data: unknown;
  try {
    plaintext = decodeUtf8Strict(sm4EcbDecrypt(deriveSm4Key(keys.appId, keys.appSecret), cipher));
    data = JSON.parse(plaintext);
  } catch {
    throw new EnvelopeError('bad_cipher', 'encData 无法解密为 JSON（appSecret 不符或密文被篡改）');
  }
  return { data, plaintext };
}

function sign(signObject: Record<string, unknown>, keys: EnvelopeKeys): string {
  const text = buildSignText(signObject, keys.appSecret);
  const userId = keys.userId ?? DEFAULT_SM2_USER_ID;
  return keys.sm2Engine === 'native'
    ? sm2SignFast(text, keys.privateKey, userId)
    : sm2Sign(text, keys.privateKey, userId);
}

/** Research §1.4: the SDK passes appSecret as the user id but most ports use the default. */
function verify(
  envelope: Record<string, unknown>,
  plaintext: string | undefined,
  keys: EnvelopeKeys,
): void {
  const { signData, encData: _encData, ...rest } = envelope;
  if (typeof signData !== 'string' || signData === '') throw malformed('缺少 signData');
  const signObject: Record<string, unknown> = { ...rest };
  delete signObject.data;
  if (plaintext !== undefined) signObject.data = losslessData(plaintext);
  const text = buildSignText(signObject, keys.appSecret);
  const check = keys.sm2Engine === 'native' ? sm2VerifyFast : sm2Verify;
  const userIds = [...new Set([keys.userId ?? DEFAULT_SM2_USER_ID, keys.appSecret])];
  if (!userIds.some((id) => check(text, signData, keys.peerPublicKey, id))) {
    throw new EnvelopeError('bad_signature', '签名验证失败（signData 与报文不符或对方公钥不符）');
  }
}

/** The business data with its number literals kept; JSON.parse accepted it, so only depth fails. */
function losslessData(plaintext: string): unknown {
  try {
    return parseJsonLossless(plaintext);
  } catch (e) {
    throw malformed(`业务数据无法解析：${(e as Error).message}`);
  }
}

function asObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw malformed('报文应为 JSON 对象');
  return body as Record<string, unknown>;
}

function checkAlgorithms(envelope: Record<string, unknown>, required: boolean): void {
  for (const [field, expected] of [
    ['encType', 'SM4'],
    ['signType', 'SM2'],
  ] as const) {
    const value = envelope[field];
    if (value === undefined && !required) continue;
    if (typeof value !== 'string' || value.toUpperCase() !== expected) {
      throw malformed(`${field} 应为 ${expected}`);
    }
  }
}

function isTimestamp(value: unknown): boolean {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0;
  return typeof value === 'string' && /^\d{1,16}$/.test(value);
}

function parseCode(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d{1,9}$/.test(value)) return Number(value);
  throw malformed('code 应为整数或整数字符串');
}

function malformed(detail: string): EnvelopeError {
  return new EnvelopeError('malformed', `报文格式错误：${detail}`);
}
