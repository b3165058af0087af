import type { Out7204 } from '../center/rx/fsi-72xx';
import type { SignedPayload } from '../center/rx/rx-file';
import type { TrustStore } from '../center/rx/trust-store';
import { compareSignedFields, verifyRxFile } from '../center/rx/verify-rx';
import type { RxCertificateInfo } from '../contract/types';

export interface LocalVerdict {
  valid: boolean;
  code: string;
  reason: string;
  cert: RxCertificateInfo | null;
  payload: SignedPayload | null;
}

/**
 * Local verification against the current trust store (CA files + cached CRLs, see
 * crl-cache.ts) and the signed-field comparison.
 */
export function createRxVerifier(trustStore: () => TrustStore) {
  return {
    verifyLocal(file: Record<string, unknown>, at: Date): LocalVerdict {
      const v = verifyRxFile(file, { trust: trustStore(), at, engine: 'native' });
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
