import crypto from 'node:crypto';
import { sm2VerifyFast } from '../crypto';
import { verifyCertificateChain } from '../x509';
import { Base64Scratch } from './base64';
import { rxFileDigest } from './rx-file';
import type { RxVerdict } from './verdict';
import {
  type CertCheck,
  checkCertificateOnce,
  runVerification,
  type VerifyEngine,
} from './verify-pipeline';
import { unverifiable, type VerifyRxContext } from './verify-rx';

/**
 * Re-verifies many stored prescriptions (an audit, a reconciliation, R-RECON) with the same
 * pipeline as verifyRxFile, so every verdict is identical to verifyRxFile's with the native
 * engine, but: one parse + chain + CRL check per distinct certificate (keyed by the SHA-256 of
 * its Base64 text; the trust store and `at` are fixed for one verifier), native SM2 with the
 * standard Z value, and one reused buffer for decoding layout files.
 */
const MAX_CACHED_CERTS = 4096;

export interface BulkVerifier {
  verify(input: unknown): RxVerdict;
  /** Distinct certificates seen so far (each checked once). */
  readonly certificatesChecked: number;
}

export function createBulkVerifier(ctx: Omit<VerifyRxContext, 'engine'>): BulkVerifier {
  const certs = new Map<string, CertCheck>();
  const scratch = new Base64Scratch();
  const chainOpts = {
    trustedCas: ctx.trust.cas,
    crls: ctx.trust.crls,
    at: ctx.at,
    requireCrl: ctx.trust.requireCrl,
  };
  const engine: VerifyEngine = {
    checkCertificate(certB64) {
      const key = crypto.createHash('sha256').update(certB64).digest('base64');
      let check = certs.get(key);
      if (!check) {
        check = checkCertificateOnce(certB64, (cert) => verifyCertificateChain(cert, chainOpts));
        if (certs.size >= MAX_CACHED_CERTS) certs.clear();
        certs.set(key, check);
      }
      return check;
    },
    verifySignature: (message, signatureB64, publicKey) =>
      sm2VerifyFast(message, signatureB64, publicKey),
    layoutDigest(rxFileB64) {
      const bytes = scratch.decode(rxFileB64);
      return bytes ? rxFileDigest(bytes) : null;
    },
  };
  return {
    verify(input) {
      try {
        return runVerification(input, engine);
      } catch (e) {
        return unverifiable(e);
      }
    },
    get certificatesChecked() {
      return certs.size;
    },
  };
}

/** Verdicts for a batch, in order. */
export function bulkVerifyRxFiles(
  inputs: Iterable<unknown>,
  ctx: Omit<VerifyRxContext, 'engine'>,
): RxVerdict[] {
  const verifier = createBulkVerifier(ctx);
  return Array.from(inputs, (input) => verifier.verify(input));
}
