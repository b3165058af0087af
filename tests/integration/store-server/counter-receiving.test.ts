import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  StockChangeView,
  StoreStockLevelsView,
  SupplierView,
} from '../../../src/contract/types-stock';
import { STORE_UNREACHABLE_RECEIVE } from '../../../src/services/stock/store-linked-receiving';
import { packCodes, registerSupplier } from '../../support/stock-receiving';
import { postgresForThisFile } from './helpers/postgres';
import { type CounterId, storeWithTwoCounters } from './helpers/store-counters';

/**
 * 进货 at a counter of a store (D54): the store server records the batch first (checking the
 * supplier's licence on its own day, R-SUPPLY), then the counter its copy with the 3503; offline
 * nothing is received; a retry under the same receipt key is recorded once at both; the last copy
 * of the store's levels survives a restart of the counter. Real PostgreSQL, real HTTP.
 */
const AMOXICILLIN = { code: 'XJ01CAA040A001010100435', productId: '8010371' };
const LATE = '2028-12-31';
const pg = postgresForThisFile();
const s = storeWithTwoCounters(pg.url);
const suppliers = {} as Record<CounterId, SupplierView>;

let serial = 0;
const batchNo = () => `RCV${Date.now().toString(36).toUpperCase()}${serial++}`;

beforeAll(async () => {
  await s.start();
  for (const id of ['A', 'B'] as const) {
    suppliers[id] = await registerSupplier(s.counters[id].h, s.counters[id].token);
  }
}, 180_000);
afterAll(() => s.stopAll());

const receipt = (id: CounterId, over: Record<string, unknown> = {}) => ({
  medListCodg: AMOXICILLIN.code,
  batchNo: batchNo(),
  expiry: LATE,
  packs: 3,
  supplierId: suppliers[id].id,
  codes: packCodes(AMOXICILLIN.productId, 3),
  receiptKey: randomUUID(),
  ...over,
});

/** What the counter holds of one batch number: batches, receipts, pack codes and 3503s queued. */
function localCopy(id: CounterId, batch: string) {
  const db = s.counters[id].h.services.db;
  const one = (sql: string) => db.prepare(sql).pluck().get(batch) as number;
  return {
    packsOnHand: one(
      'SELECT coalesce(sum(packs_on_hand), 0) FROM stock_batches WHERE batch_no = ?',
    ),
    receipts: one(
      `SELECT count(*) FROM stock_receipts r JOIN stock_batches b ON b.id = r.batch_id
       WHERE b.batch_no = ?`,
    ),
    codes: one(
      `SELECT count(*) FROM stock_pack_codes c JOIN stock_batches b ON b.id = c.batch_id
       WHERE b.batch_no = ?`,
    ),
    uploads3503: one(
      `SELECT count(*) FROM sale_uploads u JOIN stock_batches b ON b.id = u.batch_id
       WHERE b.batch_no = ? AND u.infno = '3503'`,
    ),
  };
}

async function atStore(batch: string) {
  const r = await s.pool().query<{ on_hand: number; receipts: number }>(
    `SELECT b.on_hand, count(m.id)::int AS receipts FROM store_batches b
       LEFT JOIN store_stock_movements m ON m.batch_id = b.id AND m.kind = 'receive'
       WHERE b.batch_no = $1 GROUP BY b.id`,
    [batch],
  );
  return r.rows[0] ?? null;
}

const levelsAt = (id: CounterId) => s.ok<StoreStockLevelsView>(id, 'stock.storeLevels', {});
const batchIn = (v: StoreStockLevelsView, batch: string) =>
  v.batches.find((b) => b.batchNo === batch);

describe('进货 at a counter of a store goes to the store server first', () => {
  it('a receipt at counter B is in counter A’s view of the store’s stock, named as received at B, with one 3503 queued at B only [R-STOCK][R-SUPPLY]', async () => {
    const input = receipt('B');
    const view = await s.ok<StockChangeView>('B', 'stock.receive', input);
    expect(view).toMatchObject({ batchNo: input.batchNo, packsOnHand: 3 });
    expect(view.upload.infno).toBe('3503');

    const atA = await levelsAt('A');
    expect(atA.source).toBe('store');
    expect(batchIn(atA, input.batchNo)).toEqual({
      medListCodg: AMOXICILLIN.code,
      batchNo: input.batchNo,
      expiry: LATE,
      onHand: 3,
      usable: true,
      receivingCounters: ['B'],
    });
    expect(localCopy('B', input.batchNo)).toEqual({
      packsOnHand: 3,
      receipts: 1,
      codes: 3,
      uploads3503: 1,
    });
    expect(localCopy('A', input.batchNo)).toEqual({
      packsOnHand: 0,
      receipts: 0,
      codes: 0,
      uploads3503: 0,
    });
  }, 60_000);

  it('a retry of the same receipt (its answer lost, then sent again twice) is recorded once at the store and once at the counter [R-STOCK]', async () => {
    const input = receipt('B', { packs: 4, codes: packCodes(AMOXICILLIN.productId, 4) });
    s.loseAnswersOf('B', true);
    const lost = await s.call('B', 'stock.receive', input);
    s.loseAnswersOf('B', false);
    expect(lost.error?.message).toBe(STORE_UNREACHABLE_RECEIVE);
    // The store did get it; the counter recorded nothing, not knowing.
    expect(await atStore(input.batchNo)).toEqual({ on_hand: 4, receipts: 1 });
    expect(localCopy('B', input.batchNo).receipts).toBe(0);

    const first = await s.ok<StockChangeView>('B', 'stock.receive', input);
    const again = await s.ok<StockChangeView>('B', 'stock.receive', input);
    expect(first.packsOnHand).toBe(4);
    expect(again).toEqual(first);
    expect(await atStore(input.batchNo)).toEqual({ on_hand: 4, receipts: 1 });
    expect(localCopy('B', input.batchNo)).toEqual({
      packsOnHand: 4,
      receipts: 1,
      codes: 4,
      uploads3503: 1,
    });
    // Another receipt of the same batch (a new key) is a new delivery: it adds.
    const more = await s.ok<StockChangeView>('B', 'stock.receive', {
      ...input,
      packs: 1,
      codes: packCodes(AMOXICILLIN.productId, 1),
      receiptKey: randomUUID(),
    });
    expect(more.packsOnHand).toBe(5);
    expect(await atStore(input.batchNo)).toEqual({ on_hand: 5, receipts: 2 });
  }, 60_000);

  it('offline, receiving is refused with the reason (the store owns the quantities) and nothing is stored anywhere [R-STOCK]', async () => {
    const input = receipt('A');
    await s.cutOffCounter('A');
    try {
      const r = await s.call('A', 'stock.receive', input);
      expect(r.error).toMatchObject({ code: 'CONFLICT', message: STORE_UNREACHABLE_RECEIVE });
      expect(r.error?.message).toContain('库存数量由门店服务器统一记账');
    } finally {
      await s.reconnectCounter('A');
    }
    expect(localCopy('A', input.batchNo)).toEqual({
      packsOnHand: 0,
      receipts: 0,
      codes: 0,
      uploads3503: 0,
    });
    expect(await atStore(input.batchNo)).toBeNull();
  }, 60_000);

  it('the last copy of the store’s stock survives a restart of the counter and is shown as a copy with the time it was read [R-STOCK]', async () => {
    const input = receipt('B');
    await s.ok('B', 'stock.receive', input);
    const live = await levelsAt('A');
    expect(batchIn(live, input.batchNo)?.onHand).toBe(3);

    await s.counters.A.h.restartCounter();
    await s.cutOffCounter('A');
    try {
      // Meanwhile B receives more: the copy must not pretend to know.
      await s.ok('B', 'stock.receive', {
        ...input,
        packs: 1,
        codes: packCodes(AMOXICILLIN.productId, 1),
        receiptKey: randomUUID(),
      });
      const copy = await levelsAt('A');
      expect(copy.source).toBe('lastCopy');
      expect(copy.asOf).toBe(live.asOf);
      expect(copy.note).toMatch(
        /^离线副本（\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} 读取）：门店服务器无法连接/,
      );
      expect(batchIn(copy, input.batchNo)).toMatchObject({ onHand: 3, receivingCounters: ['B'] });
    } finally {
      await s.reconnectCounter('A');
    }
    expect(batchIn(await levelsAt('A'), input.batchNo)?.onHand).toBe(4);
  }, 90_000);
});
