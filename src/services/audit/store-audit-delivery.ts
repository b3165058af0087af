import { randomUUID } from 'node:crypto';
import type { AuditEntryRecord } from '../../contract/store-protocol-audit';
import type { AuditRepository } from '../../store/audit-repository';
import type { StoreClient } from '../../store-link/store-client';
import type { Logger } from '../logger';
import { createStorePass } from '../store-pass';

const PAGE = 200;
/** Kept well under the store's request limit (STORE_MAX_REQUEST_BYTES, 128 KB). */
const BATCH_BYTES = 96 * 1024;
const RETRY_MS = 10_000;

export interface AuditDeliveryPass {
  sent: number;
  recorded: number;
}

/**
 * Copies this counter's audit trail to its store server (issue 17, R-KEEP), in the pattern of
 * the settlement delivery: no queue table — audit_log is the queue, and the store says how far
 * it has got (`audit.last`, its highest stored seq of this counter). Entries go in seq order as
 * written (details were masked when written); the store keeps each once per (counter, seq), so
 * a batch cut off by a crash is simply sent again by the next pass. While the store is
 * unreachable nothing is lost: the counter's own chain stays the record.
 */
export function createStoreAuditDelivery(deps: {
  repo: AuditRepository;
  link: StoreClient;
  log: Logger;
}) {
  async function send(entries: AuditEntryRecord[], done: AuditDeliveryPass): Promise<void> {
    const answer = await deps.link.call('audit.record', {
      idempotencyKey: `audit-${deps.link.counterId}-${randomUUID()}`,
      entries,
    });
    done.sent += entries.length;
    done.recorded += answer.recorded;
  }

  async function pass(): Promise<AuditDeliveryPass> {
    let { lastSeq } = await deps.link.call('audit.last', {});
    const done: AuditDeliveryPass = { sent: 0, recorded: 0 };
    for (;;) {
      const rows = deps.repo.between(lastSeq, Number.MAX_SAFE_INTEGER, PAGE);
      if (rows.length === 0) return done;
      let batch: AuditEntryRecord[] = [];
      let bytes = 0;
      for (const r of rows) {
        const entry: AuditEntryRecord = {
          seq: r.seq,
          at: r.at,
          staffId: r.staffId,
          username: r.username,
          action: r.action,
          outcome: r.outcome,
          subject: r.subject,
          detail: r.detail,
          hash: r.hash,
        };
        const size = Buffer.byteLength(JSON.stringify(entry));
        if (batch.length > 0 && bytes + size > BATCH_BYTES) {
          await send(batch, done);
          batch = [];
          bytes = 0;
        }
        batch.push(entry);
        bytes += size;
      }
      await send(batch, done);
      lastSeq = (rows[rows.length - 1] as { seq: number }).seq;
      if (rows.length < PAGE) return done;
    }
  }

  const runner = createStorePass(pass, {
    retryMs: RETRY_MS,
    log: deps.log,
    notYet: '审计记录暂未送达门店服务器',
  });

  return {
    deliverNow: runner.now,
    soon: runner.soon,
    start: runner.start,
    stop: runner.stop,
  };
}

export type StoreAuditDelivery = ReturnType<typeof createStoreAuditDelivery>;
