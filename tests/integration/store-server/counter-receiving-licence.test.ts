import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { dateOnly } from '../../../src/center/clock';
import type { StockChangeView, SupplierView } from '../../../src/contract/types-stock';
import { packCodes, registerSupplier } from '../../support/stock-receiving';
import { postgresForThisFile } from './helpers/postgres';
import { storeWithTwoCounters } from './helpers/store-counters';

/**
 * The store checks a supplier's licence on its own day (D54), whatever the counter's copy says:
 * here the counters' clocks (and the store server's Node process with them, so requests stay
 * signed within the 60 s window) run three days behind, while the store's day is PostgreSQL's.
 */
const AMOXICILLIN = { code: 'XJ01CAA040A001010100435', productId: '8010371' };
const realNow = Date.now();
const pg = postgresForThisFile();
const s = storeWithTwoCounters(pg.url);

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: realNow - 3 * 86_400_000, shouldAdvanceTime: true });
  await s.start();
}, 180_000);
afterAll(async () => {
  await s.stopAll();
  vi.useRealTimers();
});

it('a supplier whose licence expired by the store’s day is refused at the store though the counter still thought it valid; nothing is stored; corrected, the same receipt is taken [R-SUPPLY]', async () => {
  const yesterday = dateOnly(new Date(realNow - 86_400_000));
  const lapsing = await registerSupplier(s.counters.B.h, s.counters.B.token, {
    licenceValidUntil: yesterday,
  });
  expect(lapsing.mayDeliver).toBe(true);
  const db = s.counters.B.h.services.db;
  const counts = () => ({
    receipts: db.prepare('SELECT count(*) FROM stock_receipts').pluck().get(),
    codes: db.prepare('SELECT count(*) FROM stock_pack_codes').pluck().get(),
    uploads3503: db.prepare("SELECT count(*) FROM sale_uploads WHERE infno = '3503'").pluck().get(),
  });
  const before = counts();
  const batchNo = `LIC${Date.now().toString(36).toUpperCase()}`;
  const input = {
    medListCodg: AMOXICILLIN.code,
    batchNo,
    expiry: '2028-12-31',
    packs: 2,
    supplierId: lapsing.id,
    codes: packCodes(AMOXICILLIN.productId, 2),
    receiptKey: randomUUID(),
  };
  const r = await s.call('B', 'stock.receive', input);
  expect(r.error).toMatchObject({ code: 'POLICY', ruleId: 'R-SUPPLY' });
  expect(r.error?.message).toContain(
    `许可证（${lapsing.licenceNo}）已于 ${yesterday} 过期，不能入库`,
  );
  expect(r.error?.citation).toContain('辽医保办发〔2023〕1号');
  expect(
    db.prepare('SELECT count(*) FROM stock_batches WHERE batch_no = ?').pluck().get(batchNo),
  ).toBe(0);
  expect(counts()).toEqual(before);
  const atStore = await s
    .pool()
    .query('SELECT 1 FROM store_batches WHERE batch_no = $1', [batchNo]);
  expect(atStore.rowCount).toBe(0);

  // The licence renewed at the counter, the same receipt (same key) is sent again: the store
  // takes the corrected receipt instead of repeating its refusal.
  const renewed = await s.ok<SupplierView>('B', 'stock.saveSupplier', {
    id: lapsing.id,
    name: lapsing.name,
    licenceNo: lapsing.licenceNo,
    licenceValidUntil: '2099-12-31',
    active: true,
  });
  expect(renewed.mayDeliver).toBe(true);
  const taken = await s.ok<StockChangeView>('B', 'stock.receive', input);
  expect(taken.packsOnHand).toBe(2);
  const stored = await s
    .pool()
    .query<{ on_hand: number }>('SELECT on_hand FROM store_batches WHERE batch_no = $1', [batchNo]);
  expect(stored.rows).toEqual([{ on_hand: 2 }]);
}, 60_000);
