import { parentPort } from 'node:worker_threads';
import type { PooledTask } from '../kept-threads';
import { lowerThisThreadsPriority } from '../thread-priority';
import { type BulkThreadSetup, createThreadVerifiers } from './bulk-thread-verifier';
import type { BulkThreadReply, BulkThreadTask } from './bulk-verify-threads';

/** One thread of bulkVerifyOnAllCores: the same bulk verifier, fed chunks by the pool. */
lowerThisThreadsPriority();
const verifierFor = createThreadVerifiers();

parentPort?.on('message', (message: PooledTask<BulkThreadSetup, BulkThreadTask>) => {
  const verifier = verifierFor(message.setup);
  const reply: BulkThreadReply = {
    start: message.task.start,
    verdicts: message.task.items.map(verifier.verify),
  };
  parentPort?.postMessage(reply);
});
