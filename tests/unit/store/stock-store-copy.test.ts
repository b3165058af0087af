import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/store/database';
import { StockRepository } from '../../../src/store/stock-repository';

const LORATADINE = 'XR06AXL020A001010101672';

function counterDb() {
  const db = openDatabase(':memory:');
  db.prepare(
    `INSERT INTO staff (id, username, display_name, role, pharmacist_code, password_hash, created_at)
     VALUES (1, 'p', '药师', 'pharmacist', 'Y1', 'x', 0)`,
  ).run();
  return db;
}

describe('a counter of a store keeps a copy of the batches the store took', () => {
  it('adds a batch received at another counter, and tops up a copy holding fewer packs than the store took [R-STOCK]', () => {
    const db = counterDb();
    const stock = new StockRepository(db);
    const by = { receivedBy: 1, receivedAt: 1_000 };
    const first = stock.storeCopy({
      medListCodg: LORATADINE,
      batchNo: 'E2E-LOR-0',
      expiry: '2028-06-30',
      packs: 1,
      ...by,
    });
    expect(first.packsOnHand).toBe(1);
    stock.take(first.id, 1);
    const topped = stock.storeCopy({
      medListCodg: LORATADINE,
      batchNo: 'E2E-LOR-0',
      expiry: '2028-06-30',
      packs: 2,
      ...by,
    });
    expect(topped.id).toBe(first.id);
    expect(topped.packsOnHand).toBe(2);
    const row = db
      .prepare('SELECT packs_received, store_copy_packs FROM stock_batches WHERE id = ?')
      .get(first.id);
    expect(row).toEqual({ packs_received: 3, store_copy_packs: 3 });
  });
});
