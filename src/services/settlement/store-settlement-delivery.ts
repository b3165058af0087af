import { randomUUID } from 'node:crypto';
import type { SettlementRecordInput } from '../../contract/store-protocol-settlements';
import type { Db } from '../../store/database';
import type { StoreClient } from '../../store-link/store-client';
import type { Logger } from '../logger';
import { createStorePass } from '../store-pass';

/** Events re-sent before the store's last one: a slow commit may have a slightly older time. */
const OVERLAP_MS = 10 * 60_000;
const BATCH = 100;
const RETRY_MS = 15_000;

interface EventRow {
  id: number;
  hi_rxno: string;
  setl_id: string;
  medfee_fen: number;
  fund_fen: number;
  acct_fen: number;
  cash_fen: number;
  at: number;
  k: 0 | 1;
}

export interface DeliveryPass {
  sent: number;
  recorded: number;
}

/**
 * Delivers this counter's settlements and refunds to its store server (issue 17, R-SETTLE,
 * R-KEEP). No local queue table: the settlements table is the queue, and the store server says
 * how far it has got (`settlements.last`). Each pass re-sends from shortly before that point, in
 * the counter's order (settlement before its refund); the store keeps each event once by its
 * unique key (counter, kind, settlement id), so a batch cut off by a crash is simply sent again
 * by the next pass (a fresh idempotency key: its answer then counts what that pass stored). While the store is unreachable nothing is lost: the next pass
 * picks up every event the store does not have.
 */
export function createStoreSettlementDelivery(deps: { db: Db; link: StoreClient; log: Logger }) {
  const page = deps.db.prepare(
    `SELECT * FROM (
       SELECT id, hi_rxno, setl_id, medfee_fen, coalesce(fund_fen, 0) AS fund_fen,
         coalesce(acct_fen, 0) AS acct_fen, coalesce(cash_fen, 0) AS cash_fen, settled_at AS at, 0 AS k
       FROM settlements WHERE settled_at IS NOT NULL AND setl_id IS NOT NULL
       UNION ALL
       SELECT id, hi_rxno, setl_id, medfee_fen, coalesce(fund_fen, 0), coalesce(acct_fen, 0),
         coalesce(cash_fen, 0), refunded_at, 1
       FROM settlements WHERE refunded_at IS NOT NULL AND setl_id IS NOT NULL
     ) WHERE (at, id, k) > (?, ?, ?) ORDER BY at, id, k LIMIT ${BATCH}`,
  );

  async function pass(): Promise<DeliveryPass> {
    const { lastAt } = await deps.link.call('settlements.last', {});
    let after: [number, number, number] = [lastAt === null ? 0 : lastAt - OVERLAP_MS, 0, -1];
    const done: DeliveryPass = { sent: 0, recorded: 0 };
    for (;;) {
      const rows = page.all(...after) as EventRow[];
      if (rows.length === 0) return done;
      const records: SettlementRecordInput[] = rows.map((r) => ({
        kind: r.k === 0 ? 'settle' : 'refund',
        localId: r.id,
        setlId: r.setl_id,
        hiRxno: r.hi_rxno,
        medfeeFen: r.medfee_fen,
        fundFen: r.fund_fen,
        acctFen: r.acct_fen,
        cashFen: r.cash_fen,
        at: r.at,
      }));
      const answer = await deps.link.call('settlements.record', {
        idempotencyKey: `settlements-${deps.link.counterId}-${randomUUID()}`,
        records,
      });
      done.sent += records.length;
      done.recorded += answer.recorded;
      const last = rows[rows.length - 1] as EventRow;
      after = [last.at, last.id, last.k];
      if (rows.length < BATCH) return done;
    }
  }

  const runner = createStorePass(pass, {
    retryMs: RETRY_MS,
    log: deps.log,
    notYet: '结算记录暂未送达门店服务器',
  });

  return {
    deliverNow: runner.now,
    soon: runner.soon,
    start: runner.start,
    stop: runner.stop,
  };
}

export type StoreSettlementDelivery = ReturnType<typeof createStoreSettlementDelivery>;
