import { randomUUID } from 'node:crypto';
import type { CashSaleRecord } from '../../contract/store-protocol-cash';
import type { Db } from '../../store/database';
import type { StoreClient } from '../../store-link/store-client';
import type { Logger } from '../logger';
import { createStorePass } from '../store-pass';

const BATCH = 200;
const RETRY_MS = 15_000;

/**
 * Delivers this counter's self-pay (cash) sales to its store server for the store day report
 * (issue 17, R-SETTLE, R-KEEP), as the settlement delivery does: self_pay_sales is the queue, the
 * store's `cashSales.last` (its highest stored sale id of this counter) the cursor; the store
 * keeps each sale once, so a batch cut off is simply sent again. A sale made while the store is
 * unreachable (offline cash sales, D42) is sent by the next pass.
 */
export function createStoreCashDelivery(deps: { db: Db; link: StoreClient; log: Logger }) {
  const page = deps.db.prepare(
    `SELECT id AS localId, total_fen AS totalFen, sold_at AS soldAt FROM self_pay_sales
     WHERE id > ? ORDER BY id LIMIT ${BATCH}`,
  );

  async function pass(): Promise<{ sent: number; recorded: number }> {
    let { lastLocalId } = await deps.link.call('cashSales.last', {});
    const done = { sent: 0, recorded: 0 };
    for (;;) {
      const sales = page.all(lastLocalId) as CashSaleRecord[];
      if (sales.length === 0) return done;
      const answer = await deps.link.call('cashSales.record', {
        idempotencyKey: `cash-${deps.link.counterId}-${randomUUID()}`,
        sales,
      });
      done.sent += sales.length;
      done.recorded += answer.recorded;
      lastLocalId = (sales[sales.length - 1] as CashSaleRecord).localId;
      if (sales.length < BATCH) return done;
    }
  }

  const runner = createStorePass(pass, {
    retryMs: RETRY_MS,
    log: deps.log,
    notYet: '自费零售记录暂未送达门店服务器',
  });

  return {
    deliverNow: runner.now,
    soon: runner.soon,
    start: runner.start,
    stop: runner.stop,
  };
}

export type StoreCashDelivery = ReturnType<typeof createStoreCashDelivery>;
