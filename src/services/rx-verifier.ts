import type { RxCertificateInfo } from '../api/types';
import type { Out7204 } from '../center/rx/fsi-72xx';
import type { SignedPayload } from '../center/rx/rx-file';
import { loadTrustStore } from '../center/rx/trust-store';
import { compareSignedFields, verifyRxFile } from '../center/rx/verify-rx';

export interface LocalVerdict {
  valid: boolean;
  code: string;
  reason: string;
  cert: RxCertificateInfo | null;
  payload: SignedPayload | null;
}

/**
 * Local verification against the trust store (CA files + the cached CRLs, read fresh each time
 * so a CRL fetched a moment ago applies) and the signed-field comparison.
 */
export function createRxVerifier(trust: { caFiles: readonly string[]; crlDir: string }) {
  return {
    verifyLocal(file: Record<string, unknown>, at: Date): LocalVerdict {
      const store = loadTrustStore({ caFiles: [...trust.caFiles], crlDir: trust.crlDir });
      const v = verifyRxFile(file, { trust: store, at, engine: 'native' });
      return {
        valid: v.valid,
        code: v.code,
        reason: v.reason,
        cert: v.cert ?? null,
        payload: v.payload ?? null,
      };
    },
    alteredFields(payload: SignedPayload, reply: Out7204): string[] {
      return compareSignedFields(payload, reply)
        .filter((c) => !c.equal)
        .map((c) => c.field);
    },
  };
}

export type RxVerifier = ReturnType<typeof createRxVerifier>;
