import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SelfPaySaleView } from '../../../src/contract/types-settlement';
import type { StoreDayReport } from '../../../src/contract/types-store-settlements';
import { formatBeijingDateTime } from '../../../src/domain/policy/beijing-time';
import { postgresForThisFile } from './helpers/postgres';
import { type CounterId, storeWithTwoCounters } from './helpers/store-counters';

/**
 * Self-pay (cash) takings in the store day report (issue 17, "store day report lacks cash
 * takings"): each counter's self_pay_sales is its queue, the store keeps every sale once, and
 * `reports.storeDay` shows cash sales per counter and for the store — also a sale made while the
 * counter was cut off from the store.
 */
const LORATADINE = 'XR06AXL020A001010101672';
const LORATADINE_PRODUCT = '8062221';

const pg15 = postgresForThisFile();
const s = storeWithTwoCounters(pg15.url);
let serial = 0;
const traceCode = () =>
  `${LORATADINE_PRODUCT}${String(Date.now() % 1e6).padStart(6, '0')}${String(serial++).padStart(7, '0')}`;
const today = () => formatBeijingDateTime(new Date()).slice(0, 10);
const sell = (id: CounterId, packs: number) =>
  s.ok<SelfPaySaleView>(id, 'sale.selfPay', {
    items: [{ medListCodg: LORATADINE, codes: Array.from({ length: packs }, traceCode) }],
  });
const cashDelivery = (id: CounterId) => {
  const d = s.counters[id].h.services.settlement.cashToStore;
  if (!d) throw new Error('store mode expected');
  return d;
};
const localTakings = (id: CounterId) =>
  s.counters[id].h.services.db
    .prepare(
      'SELECT count(*) AS cashSales, coalesce(sum(total_fen), 0) AS cashSalesFen FROM self_pay_sales',
    )
    .get() as { cashSales: number; cashSalesFen: number };

beforeAll(async () => {
  await s.start();
  for (const id of ['A', 'B'] as const)
    await s.counters[id].h.services.settlement.cashToStore?.stop();
}, 180_000);
afterAll(() => s.stopAll());

describe('the store day report', () => {
  it('shows each counter’s cash sales and the store’s total, a sale made offline included once it is back, each sale stored once [R-SETTLE][R-KEEP]', async () => {
    await sell('A', 1);
    await sell('B', 2);
    await sell('B', 1);
    await s.cutOffCounter('A');
    await sell('A', 2);
    await expect(cashDelivery('A').deliverNow()).rejects.toThrow();
    await s.reconnectCounter('A');
    for (const id of ['A', 'B'] as const) await cashDelivery(id).deliverNow();
    // Sent again: nothing new is stored.
    expect((await cashDelivery('A').deliverNow()).sent).toBe(0);

    const report = await s.ok<StoreDayReport>('B', 'reports.storeDay', { day: today() });
    for (const id of ['A', 'B'] as const) {
      const mine = localTakings(id);
      expect(mine.cashSales).toBe(2);
      expect(report.counters.find((c) => c.counterId === id)).toMatchObject(mine);
    }
    expect(report.store.cashSales).toBe(4);
    expect(report.store.cashSalesFen).toBe(
      localTakings('A').cashSalesFen + localTakings('B').cashSalesFen,
    );
    expect(report.store.cashSalesFen).toBeGreaterThan(0);

    const stored = await s.pool().query(
      `SELECT counter_id, count(*)::int AS n, count(DISTINCT local_id)::int AS d
       FROM store_cash_sales GROUP BY counter_id ORDER BY counter_id`,
    );
    expect(stored.rows).toEqual([
      { counter_id: 'A', n: 2, d: 2 },
      { counter_id: 'B', n: 2, d: 2 },
    ]);
    await expect(s.pool().query('DELETE FROM store_cash_sales')).rejects.toThrow(/append-only/);
  }, 120_000);
});
