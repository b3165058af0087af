import { sm2Verify, sm2VerifyFast } from '../crypto';
import { base64ToBytesStrict } from '../crypto/bytes';
import { verifyCertificateChain } from '../x509';
import { rxFileDigest } from './rx-file';
import type { TrustStore } from './trust-store';
import { type RxVerdict, verdict } from './verdict';
import { checkCertificateOnce, runVerification, type VerifyEngine } from './verify-pipeline';

export interface VerifyRxContext {
  trust: TrustStore;
  /** When to judge certificate validity, revocation and CRL freshness (usually now). */
  at: Date;
  /** 'native' (default): OpenSSL through Node with the standard Z value, pure JS where absent. */
  engine?: 'native' | 'sm-crypto';
}

/**
 * Verifies a `*.rx.json` prescription file locally (center-protocol §3; R-SIGN, R-LAYOUT,
 * ST-EPC-02-007/008). Never throws: anything hostile or broken is an invalid verdict.
 */
export function verifyRxFile(input: unknown, ctx: VerifyRxContext): RxVerdict {
  try {
    return runVerification(input, singleFileEngine(ctx));
  } catch (e) {
    return unverifiable(e);
  }
}

/** The same, from the file's text (a JSON syntax error is FILE_NOT_JSON). */
export function verifyRxFileText(text: string, ctx: VerifyRxContext): RxVerdict {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return verdict('FILE_NOT_JSON', '处方文件不是有效的 JSON，无法验证');
  }
  return verifyRxFile(input, ctx);
}

export function unverifiable(e: unknown): RxVerdict {
  const detail = e instanceof Error ? e.message : String(e);
  return verdict('UNVERIFIABLE', `处方文件无法验证：${detail}`);
}

function singleFileEngine(ctx: VerifyRxContext): VerifyEngine {
  const verify = ctx.engine === 'sm-crypto' ? sm2Verify : sm2VerifyFast;
  return {
    checkCertificate: (certB64) =>
      checkCertificateOnce(certB64, (cert) =>
        verifyCertificateChain(cert, {
          trustedCas: ctx.trust.cas,
          crls: ctx.trust.crls,
          at: ctx.at,
          requireCrl: ctx.trust.requireCrl,
        }),
      ),
    verifySignature: (message, signatureB64, publicKey) => verify(message, signatureB64, publicKey),
    layoutDigest: (rxFileB64) => {
      const bytes = base64ToBytesStrict(rxFileB64);
      return bytes ? rxFileDigest(bytes) : null;
    },
  };
}

export {
  compareSignedFields,
  type SignedFieldComparison,
  type SignedFieldSource,
  tamperedFieldsReason,
} from './signed-fields';
export type { RxCertSummary, RxVerdict, RxVerdictCode } from './verdict';
export { RX_VERDICT_CODES } from './verdict';
