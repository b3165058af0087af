/** National crypto (SM2/SM3/SM4) and the EPC envelope; see center-protocol §2–§3. */
export * from './envelope';
export {
  JsonNumberLiteral,
  type LosslessJson,
  MAX_JSON_DEPTH,
  parseJsonLossless,
} from './json-lossless';
export { type NativeSupport, nativeSupport } from './native';
export { buildSignText } from './sign-text';
export * from './sm2';
export { sm3Bytes, sm3Hex } from './sm3';
export { deriveSm4Key, sm4EcbDecrypt, sm4EcbEncrypt, sm4EcbEncryptNoPadding } from './sm4';
