import type { TrustStore } from '../../center/rx/trust-store';
import type { RxReverifySummary } from '../../contract/types-reverify';
import type { PrescriptionRepository } from '../../store/prescription-repository';
import type { Logger } from '../logger';
import { closeReverifyThreads, reverifyStored } from './reverify-stored';

export interface RxReverifyServiceDeps {
  dbFile: string;
  nativeBinding: string | undefined;
  repo: PrescriptionRepository;
  /** Today's trust store: the CA files and the cached CRLs (crl-cache.ts). */
  trustStore: () => TrustStore;
  now: () => Date;
  log: Logger;
}

/** rx.reverifyAll: the stored prescriptions verified again against today's trust store (R-SIGN). */
export function createRxReverifyService(deps: RxReverifyServiceDeps) {
  return {
    async reverifyAll(): Promise<RxReverifySummary> {
      const summary = await reverifyStored(deps, { trust: deps.trustStore(), at: deps.now() });
      deps.log.info('rx.reverified', {
        checked: summary.checked,
        failed: summary.failed,
        threads: summary.threads,
        ms: summary.ms,
      });
      return summary;
    },
    close: closeReverifyThreads,
  };
}

export type RxReverifyService = ReturnType<typeof createRxReverifyService>;
