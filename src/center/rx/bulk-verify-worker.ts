import { parentPort, workerData } from 'node:worker_threads';
import { parseCertificate, parseCrl } from '../x509';
import { createBulkVerifier } from './bulk-verify';
import type { BulkThreadReply, BulkThreadSetup, BulkThreadTask } from './bulk-verify-threads';
import { createTrustStore } from './trust-store';

/** One thread of bulkVerifyOnAllCores: the same bulk verifier, fed chunks by the pool. */
const setup = workerData as BulkThreadSetup;
const trust = createTrustStore(setup.caDer.map(parseCertificate), setup.crlDer.map(parseCrl), {
  requireCrl: setup.requireCrl,
});
const verifier = createBulkVerifier({ trust, at: new Date(setup.atMs) });
parentPort?.on('message', (task: BulkThreadTask) => {
  const reply: BulkThreadReply = { start: task.start, verdicts: task.items.map(verifier.verify) };
  parentPort?.postMessage(reply);
});
