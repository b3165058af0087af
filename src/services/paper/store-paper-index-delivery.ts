import { randomUUID } from 'node:crypto';
import type { PaperIndexEntry } from '../../contract/store-protocol-paper';
import { paperRxno } from '../../domain/paper/paper-rxno';
import type { PaperIndexRepository } from '../../store/paper-index-repository';
import type { PaperRecord, PaperRepository } from '../../store/paper-repository';
import type { StoreClient } from '../../store-link/store-client';
import type { Logger } from '../logger';
import { createStorePass } from '../store-pass';
import { paperRecordSm3 } from './record-digest';

const BATCH = 100;
const RETRY_MS = 15_000;

export interface PaperIndexPass {
  sent: number;
  recorded: number;
  dispensed: number;
}

/**
 * Copies this counter's paper archive to the store's index (issue 17, R-PAPER-NO, R-PAPER-KEEP,
 * D56) in the pattern of the audit and settlement deliveries: paper_prescriptions is the queue
 * and `paper.indexLast` the cursor (the store's highest local id of this counter, and its entries
 * still `captured`, which are sent again once dispensed here). The store keeps each entry once
 * per (counter, local id), so a batch cut off by a crash is simply sent again by the next pass.
 * The image never leaves the counter: only its SM3 and the record's.
 */
export function createStorePaperIndexDelivery(deps: {
  papers: PaperRepository;
  index: PaperIndexRepository;
  link: StoreClient;
  log: Logger;
}) {
  function entryOf(r: PaperRecord): PaperIndexEntry {
    return {
      key: paperRxno(r.institutionCode, r.serialNo),
      localId: r.id,
      capturedAt: r.createdAt,
      rxDate: r.rxDate,
      imageSm3: r.imageSm3,
      recordSm3: paperRecordSm3(r),
      capturedBy: deps.index.usernameOf(r.capturedBy) ?? `staff#${r.capturedBy}`,
      state: r.status,
    };
  }

  async function send(ids: readonly number[], done: PaperIndexPass): Promise<void> {
    for (let at = 0; at < ids.length; at += BATCH) {
      const entries = deps.papers.many(ids.slice(at, at + BATCH)).map(entryOf);
      if (entries.length === 0) continue;
      const answer = await deps.link.call('paper.indexRecord', {
        idempotencyKey: `paper-${deps.link.counterId}-${randomUUID()}`,
        entries,
      });
      done.sent += entries.length;
      done.recorded += answer.recorded;
      done.dispensed += answer.dispensed;
    }
  }

  async function pass(): Promise<PaperIndexPass> {
    const { lastLocalId, capturedLocalIds } = await deps.link.call('paper.indexLast', {});
    const done: PaperIndexPass = { sent: 0, recorded: 0, dispensed: 0 };
    await send(deps.index.dispensedAmong(capturedLocalIds), done);
    let last = lastLocalId;
    for (;;) {
      const ids = deps.index.idsAfter(last, BATCH);
      await send(ids, done);
      if (ids.length < BATCH) return done;
      last = ids[ids.length - 1] as number;
    }
  }

  const runner = createStorePass(pass, {
    retryMs: RETRY_MS,
    log: deps.log,
    notYet: '纸质处方归档索引暂未送达门店服务器',
  });

  return {
    deliverNow: runner.now,
    soon: runner.soon,
    start: runner.start,
    stop: runner.stop,
  };
}

export type StorePaperIndexDelivery = ReturnType<typeof createStorePaperIndexDelivery>;
