import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreStockLevelsView } from '../../../src/contract/types-stock';
import {
  SINGLE_COUNTER_STORE_LEVELS,
  STORE_UNREACHABLE_NO_COPY,
} from '../../../src/services/stock/store-levels';
import { startHarness } from '../../support/app-harness';
import { signedInOnDuty } from '../../support/settled-sale';
import { postgresForThisFile } from './helpers/postgres';
import { receive, sell } from './helpers/stock';
import { counter, packCode } from './helpers/store';
import { pharmacist, storeWithTwoCounters } from './helpers/store-counters';

/**
 * A counter of a store reads the pharmacy's stock from the store server (D49) through its own API
 * (`stock.storeLevels`); cut off, it shows its last copy marked as such, never as the truth.
 */
const MED = 'XC08CAA010A001010201587';
const pg15 = postgresForThisFile();
const s = storeWithTwoCounters(pg15.url, {}, false);

beforeAll(() => s.start(), 180_000);
afterAll(() => s.stopAll());

const batchOf = (v: StoreStockLevelsView) => v.batches.find((b) => b.batchNo === 'CS-1');

describe("a counter of a store reads the store's stock", () => {
  it('shows batches received and sold at the other counter, and offline its last copy marked with the time it was read [R-STOCK]', async () => {
    // Nothing read yet and the store unreachable: said plainly, no figures invented.
    await s.cutOffCounter('B');
    const none = await s.call('B', 'stock.storeLevels', {});
    expect(none.error).toMatchObject({ code: 'CONFLICT', message: STORE_UNREACHABLE_NO_COPY });
    await s.reconnectCounter('B');

    const atA = counter(s.storeUrl(), 'A');
    expect((await receive(atA, MED, 'CS-1', '2028-12-31', 7)).verdict).toBe('received');
    const live = await s.ok<StoreStockLevelsView>('B', 'stock.storeLevels', {});
    expect(live.source).toBe('store');
    expect(live.note).toContain('门店库存（门店服务器');
    expect(batchOf(live)).toEqual({
      medListCodg: MED,
      batchNo: 'CS-1',
      expiry: '2028-12-31',
      onHand: 7,
      usable: true,
      receivingCounters: ['A'],
    });

    await s.cutOffCounter('B');
    expect((await sell(atA, 'cs-sale', MED, [packCode(), packCode()])).verdict).toBe('sold');
    const copy = await s.ok<StoreStockLevelsView>('B', 'stock.storeLevels', {});
    expect(copy.source).toBe('lastCopy');
    expect(copy.asOf).toBe(live.asOf);
    expect(copy.note).toMatch(
      /^离线副本（\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} 读取）：门店服务器无法连接/,
    );
    expect(batchOf(copy)?.onHand).toBe(7);

    await s.reconnectCounter('B');
    const back = await s.ok<StoreStockLevelsView>('B', 'stock.storeLevels', {});
    expect(back.source).toBe('store');
    expect(batchOf(back)?.onHand).toBe(5);
  }, 60_000);

  it('a single counter is told its own stock list is the stock [R-STOCK]', async () => {
    const single = await startHarness();
    try {
      const token = await signedInOnDuty(single, pharmacist as never);
      const r = await single.api('stock.storeLevels', {}, token);
      expect(r.error).toMatchObject({ code: 'CONFLICT', message: SINGLE_COUNTER_STORE_LEVELS });
    } finally {
      await single.close();
    }
  });
});
