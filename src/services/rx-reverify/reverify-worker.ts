import { parentPort } from 'node:worker_threads';
import type { PooledTask } from '../../center/kept-threads';
import { createThreadVerifiers } from '../../center/rx/bulk-thread-verifier';
import { lowerThisThreadsPriority } from '../../center/thread-priority';
import type { RxReverifyFailure } from '../../contract/types-reverify';
import { type Db, openReadOnlyDatabase } from '../../store/database';
import { PrescriptionRepository } from '../../store/prescription-repository';
import { checkStored } from './check-stored';
import type { ReverifyReply, ReverifySetup, ReverifyTask } from './reverify-messages';

/**
 * One thread of re-verifying the stored prescriptions (reverify-stored.ts): it reads its
 * ranges on its own read-only connection, so no prescription passes through the counter's thread.
 */
lowerThisThreadsPriority();
const verifierFor = createThreadVerifiers();
let open: { file: string; db: Db; repo: PrescriptionRepository } | null = null;

function repoFor(setup: ReverifySetup | undefined): PrescriptionRepository {
  if (setup && open?.file !== setup.dbFile) {
    open?.db.close();
    const db = openReadOnlyDatabase(setup.dbFile, setup.nativeBinding);
    open = { file: setup.dbFile, db, repo: new PrescriptionRepository(db) };
  }
  if (!open) throw new Error('复验线程未收到数据库');
  return open.repo;
}

parentPort?.on('message', (message: PooledTask<ReverifySetup, ReverifyTask>) => {
  const repo = repoFor(message.setup);
  const verifier = verifierFor(message.setup?.trust);
  const stored = repo.inRowidRange(message.task.first, message.task.last);
  const failures: RxReverifyFailure[] = [];
  for (const p of stored) {
    const failure = checkStored(p, verifier);
    if (failure) failures.push(failure);
  }
  const reply: ReverifyReply = { checked: stored.length, failures };
  parentPort?.postMessage(reply);
});
