import crypto from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { parseCertificate, parseCrl } from '../x509';
import { type BulkVerifier, createBulkVerifier } from './bulk-verify';
import type { BulkThreadReply, BulkThreadSetup, BulkThreadTask } from './bulk-verify-threads';
import { createTrustStore } from './trust-store';

/**
 * One thread of bulkVerifyOnAllCores: the same bulk verifier, fed chunks by the pool. The thread
 * is kept between jobs; a job with the same trust store and time keeps its verifier (and so its
 * certificate checks), any other gets a fresh one.
 */
let current: { key: string; verifier: BulkVerifier } | null = null;

function setupKey(setup: BulkThreadSetup): string {
  const hash = crypto.createHash('sha256');
  hash.update(`${setup.atMs}|${setup.requireCrl}|${setup.caDer.length}|${setup.crlDer.length}`);
  for (const der of [...setup.caDer, ...setup.crlDer]) hash.update(der);
  return hash.digest('hex');
}

function verifierFor(setup: BulkThreadSetup): BulkVerifier {
  const key = setupKey(setup);
  if (current?.key !== key) {
    const trust = createTrustStore(setup.caDer.map(parseCertificate), setup.crlDer.map(parseCrl), {
      requireCrl: setup.requireCrl,
    });
    current = { key, verifier: createBulkVerifier({ trust, at: new Date(setup.atMs) }) };
  }
  return current.verifier;
}

parentPort?.on('message', (task: BulkThreadTask) => {
  const verifier = task.setup ? verifierFor(task.setup) : current?.verifier;
  if (!verifier) throw new Error('复验线程未收到信任库');
  const reply: BulkThreadReply = { start: task.start, verdicts: task.items.map(verifier.verify) };
  parentPort?.postMessage(reply);
});
