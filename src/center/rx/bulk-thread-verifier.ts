import crypto from 'node:crypto';
import { parseCertificate, parseCrl } from '../x509';
import { type BulkVerifier, createBulkVerifier } from './bulk-verify';
import { createTrustStore, type TrustStore } from './trust-store';

/** What each re-verification thread needs to build its own trust store (plain, cloneable). */
export interface BulkThreadSetup {
  caDer: Uint8Array[];
  crlDer: Uint8Array[];
  requireCrl: boolean;
  atMs: number;
}

export function bulkThreadSetup(trust: TrustStore, at: Date): BulkThreadSetup {
  return {
    caDer: trust.cas.map((c) => c.der),
    crlDer: trust.crls.map((c) => c.der),
    requireCrl: trust.requireCrl,
    atMs: at.getTime(),
  };
}

function setupKey(setup: BulkThreadSetup): string {
  const hash = crypto.createHash('sha256');
  hash.update(`${setup.atMs}|${setup.requireCrl}|${setup.caDer.length}|${setup.crlDer.length}`);
  for (const der of [...setup.caDer, ...setup.crlDer]) hash.update(der);
  return hash.digest('hex');
}

/**
 * A kept thread's verifier: a job with the same trust store and time keeps it (and so its
 * certificate checks), any other gets a fresh one.
 */
export function createThreadVerifiers(): (setup: BulkThreadSetup | undefined) => BulkVerifier {
  let current: { key: string; verifier: BulkVerifier } | null = null;
  return (setup) => {
    if (setup) {
      const key = setupKey(setup);
      if (current?.key !== key) {
        const trust = createTrustStore(
          setup.caDer.map(parseCertificate),
          setup.crlDer.map(parseCrl),
          { requireCrl: setup.requireCrl },
        );
        current = { key, verifier: createBulkVerifier({ trust, at: new Date(setup.atMs) }) };
      }
    }
    if (!current) throw new Error('复验线程未收到信任库');
    return current.verifier;
  };
}
