import { DEFAULT_SM2_USER_ID, sm2VerifyFast } from '../crypto';
import { LruCache } from './cache';

/** Anything signed SM3withSM2 over its TBS bytes: a certificate or a CRL. */
export interface SignedObject {
  readonly tbsDer: Uint8Array;
  readonly signatureRaw: Uint8Array;
  /** SHA-256 of the whole DER object; it covers tbsDer and the signature. */
  readonly fingerprintHex: string;
}

// The same institution certificate and the same CRL are checked for every prescription;
// a verify costs ~0.4 ms native (~18 ms in pure JS), a cache hit almost nothing.
const results = new LruCache<boolean>(1024);

/** SM3withSM2 signature check with Z(userId) and the signer's key; results cached by fingerprint. */
export function isSignedBy(
  signed: SignedObject,
  signerPublicKey: string,
  signerFingerprint: string,
  userId: string = DEFAULT_SM2_USER_ID,
): boolean {
  const key = `${signed.fingerprintHex}|${signerFingerprint}|${userId}`;
  let ok = results.get(key);
  if (ok === undefined) {
    ok = sm2VerifyFast(
      signed.tbsDer,
      Buffer.from(signed.signatureRaw).toString('base64'),
      signerPublicKey,
      userId,
    );
    results.set(key, ok);
  }
  return ok;
}

/** For benchmarks and tests that must measure or exercise the uncached path. */
export function clearSignatureCache(): void {
  results.clear();
}
