/**
 * SM2 (GB/T 32918) as the EPC envelope and the prescription signature use it: SM3withSM2 with
 * the signer identity Z(userId), Base64 raw r‖s signatures, Base64 scalar / 65-byte point keys,
 * plus PEM/DER conversions so OpenSSL and Node's crypto can use the same keys.
 *
 * sm2Sign runs on sm-crypto and sm2Verify on @noble/curves' point arithmetic (pure JS, also in
 * Electron); sm2SignFast/sm2VerifyFast use OpenSSL through Node when it is there and fall back
 * to those otherwise.
 */
export { DEFAULT_SM2_USER_ID, SM2_CURVE_OID } from './sm2-curve';
export { parseRawSignature, sm2Sign, sm2Verify } from './sm2-js';
export {
  generateSm2KeyPair,
  parseSm2PrivateKey,
  parseSm2PublicKey,
  sm2PrivateKeyFromPem,
  sm2PrivateKeyToPem,
  sm2PrivateKeyToPkcs8Der,
  sm2PublicKeyFromPem,
  sm2PublicKeyFromPrivate,
  sm2PublicKeyToPem,
  sm2PublicKeyToSpkiDer,
  tryParseSm2PublicKey,
} from './sm2-keys';
export { sm2NativeAvailable, sm2SignFast, sm2VerifyFast } from './sm2-native';
export { derSignatureToRaw, rawSignatureToDer } from './sm2-signature';
export { sm2MessageDigest, sm2ZValue } from './sm2-z';
