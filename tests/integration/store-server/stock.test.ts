import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StockSellAnswer } from '../../../src/contract/types-store-stock';
import type { StoreClient } from '../../../src/store-link/store-client';
import { postgresForThisFile } from './helpers/postgres';
import { batchLedger, LICENSED_SUPPLIER, receive, sell } from './helpers/stock';
import { clearRegistry, counter, key, packCode, startInProcessStore } from './helpers/store';

/**
 * Stock shared by the counters of one pharmacy (D49): batches and FEFO at the store server, taken
 * in the transaction that sells the packs, over real HTTP against a real PostgreSQL.
 */
const MED = 'XC08CAA010A001010201587';
const EARLY = '2027-06-30';
const LATE = '2028-12-31';
const pg15 = postgresForThisFile();
let store: Awaited<ReturnType<typeof startInProcessStore>>;
let a: StoreClient;
let b: StoreClient;

beforeAll(async () => {
  store = await startInProcessStore(pg15.url());
  a = counter(store.server.url, 'A', 60_000);
  b = counter(store.server.url, 'B', 60_000);
});
afterAll(() => store?.stop());
beforeEach(() => clearRegistry(store.pool));

const liveCodes = async (codes: string[]) =>
  (
    await store.pool.query<{ code: string; n: number }>(
      `SELECT code, count(*)::int AS n FROM code_sales
       WHERE code = ANY ($1) AND returned_at IS NULL GROUP BY code`,
      [codes],
    )
  ).rows;

describe('store server: stock and FEFO across counters', () => {
  it('2 counters × 100 concurrent sales of one drug: never negative, the earlier expiry first, movements sum to on-hand, every code sold once [R-STOCK][R-TRACE-ONCE]', async () => {
    // Received at different counters, the later expiry first: FEFO is by expiry, not by arrival.
    expect((await receive(b, MED, 'L-LATE', LATE, 60)).verdict).toBe('received');
    expect((await receive(a, MED, 'L-EARLY', EARLY, 100)).verdict).toBe('received');
    // The first 20 sales of each counter race for the same pack; the rest sell packs of their own.
    const contested = Array.from({ length: 20 }, packCode);
    const codeOf = (n: number) => (n < 20 ? (contested[n] as string) : packCode());
    const saleAt = async (client: StoreClient, c: 'A' | 'B', n: number) => {
      const code = codeOf(n);
      const saleRef = `sale-${c}-${n}`;
      // A counter that goes on to complete even when its scan was refused: the store still decides.
      await client.call('codes.reserve', {
        idempotencyKey: key('r'),
        code,
        medListCodg: MED,
        saleRef,
        reusePack: false,
      });
      return { code, answer: await sell(client, saleRef, MED, [code]) };
    };
    const results = await Promise.all([
      ...Array.from({ length: 100 }, (_, n) => saleAt(a, 'A', n)),
      ...Array.from({ length: 100 }, (_, n) => saleAt(b, 'B', n)),
    ]);

    const sold = results.filter((r) => r.answer.verdict === 'sold');
    const refused = results.map((r) => r.answer).filter((x) => x.verdict === 'refused');
    const short = refused.filter((x) => x.shortages.length > 0);
    // 180 sales could claim their pack; 160 packs were in stock: exactly 160 sold, the rest short.
    expect(sold).toHaveLength(160);
    expect(short.length).toBeGreaterThanOrEqual(1);
    for (const s of short) {
      expect(s.shortages[0]).toMatchObject({ reason: 'SHORT', ruleId: 'R-STOCK' });
      expect(s.shortages[0]?.message).toContain('库存不足');
    }
    // Every pack sold once, and only the sold ones are live: a short sale left no sale behind.
    const live = await liveCodes(results.map((r) => r.code));
    expect(live.every((r) => r.n === 1)).toBe(true);
    expect(live.map((r) => r.code).sort()).toEqual(sold.map((r) => r.code).sort());

    const ledger = await batchLedger(store.pool, MED);
    expect(ledger).toEqual([
      { batch_no: 'L-EARLY', on_hand: 0, moved: 0, sold: 100 },
      { batch_no: 'L-LATE', on_hand: 0, moved: 0, sold: 60 },
    ]);
    // The later batch was touched only after the earlier one was empty.
    const order = await store.pool.query<{ batch_no: string }>(
      `SELECT b.batch_no FROM store_stock_movements m JOIN store_batches b ON b.id = m.batch_id
       WHERE m.kind = 'sale' ORDER BY m.id`,
    );
    const firstLate = order.rows.findIndex((r) => r.batch_no === 'L-LATE');
    expect(firstLate).toBe(100);
    // Each answer names the batch it took from.
    const takenLate = sold.filter(
      (s) =>
        (s.answer as Extract<StockSellAnswer, { verdict: 'sold' }>).taken[0]?.batchNo === 'L-LATE',
    );
    expect(takenLate).toHaveLength(60);
  }, 180_000);

  it('a sale takes the earliest-expiring usable batch and never an expired one; short of stock it sells nothing [R-STOCK][R-SUPPLY]', async () => {
    await receive(a, MED, 'L-LATE', LATE, 2);
    await receive(a, MED, 'L-EARLY', EARLY, 1);
    // A batch that expired while on the shelf (received earlier, its expiry now past).
    const gone = await store.pool.query<{ id: string }>(
      `INSERT INTO store_batches (med_list_codg, batch_no, expiry) VALUES ($1, 'L-GONE', '2020-01-31') RETURNING id`,
      [MED],
    );
    await store.pool.query(
      `INSERT INTO store_stock_movements (batch_id, kind, delta, counter_id, supplier_name, supplier_licence_no, received_by)
       VALUES ($1, 'receive', 5, 'A', 'x', 'y', 'keeper')`,
      [gone.rows[0]?.id],
    );
    const first = await sell(b, 's1', MED, [packCode(), packCode()]);
    expect(first).toMatchObject({
      verdict: 'sold',
      taken: [
        { batchNo: 'L-EARLY', expiry: EARLY, packs: 1 },
        { batchNo: 'L-LATE', expiry: LATE, packs: 1 },
      ],
    });
    const codes = [packCode(), packCode()];
    const short = await sell(b, 's2', MED, codes);
    expect(short).toMatchObject({ verdict: 'refused', refusals: [] });
    if (short.verdict !== 'refused') throw new Error('expected a refusal');
    expect(short.shortages[0]?.message).toBe(
      `药品 ${MED} 门店库存不足：需 2 盒，未过期可用 1 盒；请先入库，本次售出未登记`,
    );
    expect(short.shortages[0]?.citation).not.toMatch(/^\d{3} /);
    expect(await liveCodes(codes)).toEqual([]);
    expect(await batchLedger(store.pool, MED)).toEqual([
      { batch_no: 'L-GONE', on_hand: 5, moved: 5, sold: 0 },
      { batch_no: 'L-EARLY', on_hand: 0, moved: 0, sold: 1 },
      { batch_no: 'L-LATE', on_hand: 1, moved: 1, sold: 1 },
    ]);
  });

  it('a return puts each pack back into the batch it left, once [R-STOCK][R-REVERSE]', async () => {
    await receive(a, MED, 'L-EARLY', EARLY, 1);
    await receive(a, MED, 'L-LATE', LATE, 5);
    const [x, y] = [packCode(), packCode()] as [string, string];
    await sell(a, 'first', MED, [x]); // the early batch's only pack
    await sell(b, 'second', MED, [y]); // from the late batch
    // A return is the selling counter's: another counter's return of the pack changes nothing.
    expect(
      await b.call('stock.return', { idempotencyKey: key('ret'), saleRef: 'first', codes: [x] }),
    ).toEqual({ returned: 0, restored: [] });
    const back = await a.call('stock.return', {
      idempotencyKey: key('ret'),
      saleRef: 'first',
      codes: [x],
    });
    expect(back).toEqual({
      returned: 1,
      restored: [{ medListCodg: MED, batchNo: 'L-EARLY', expiry: EARLY, packs: 1 }],
    });
    expect(
      await a.call('stock.return', { idempotencyKey: key('ret'), saleRef: 'first', codes: [x] }),
    ).toEqual({ returned: 0, restored: [] });
    expect(await batchLedger(store.pool, MED)).toEqual([
      { batch_no: 'L-EARLY', on_hand: 1, moved: 1, sold: 1 },
      { batch_no: 'L-LATE', on_hand: 4, moved: 4, sold: 1 },
    ]);
    // The returned pack may be sold again, and FEFO takes the early batch again.
    expect(await sell(b, 'third', MED, [x])).toMatchObject({
      verdict: 'sold',
      taken: [{ batchNo: 'L-EARLY', packs: 1 }],
    });
    const levels = await a.call('stock.levels', { medListCodgs: [MED] });
    expect(levels.batches).toEqual([
      {
        medListCodg: MED,
        batchNo: 'L-EARLY',
        expiry: EARLY,
        onHand: 0,
        usable: true,
        receivingCounters: ['A'],
      },
      {
        medListCodg: MED,
        batchNo: 'L-LATE',
        expiry: LATE,
        onHand: 4,
        usable: true,
        receivingCounters: ['A'],
      },
    ]);
  });

  it('receiving is refused for a supplier without a valid licence, an expired batch or a changed expiry, and stores nothing [R-SUPPLY][R-STOCK]', async () => {
    const lapsed = { ...LICENSED_SUPPLIER, licenceValidUntil: '2024-01-31' };
    const r1 = await receive(a, MED, 'L-1', LATE, 10, lapsed);
    expect(r1).toMatchObject({
      verdict: 'refused',
      refusal: { reason: 'SUPPLIER', ruleId: 'R-SUPPLY' },
    });
    if (r1.verdict !== 'refused') throw new Error('expected a refusal');
    expect(r1.refusal.message).toContain('许可证（渝AA0230001）已于 2024-01-31 过期');
    const unlicensed = await receive(a, MED, 'L-1', LATE, 10, {
      ...LICENSED_SUPPLIER,
      licenceNo: ' ',
    });
    expect(unlicensed).toMatchObject({ verdict: 'refused', refusal: { ruleId: 'R-SUPPLY' } });
    expect(await receive(a, MED, 'L-OLD', '2021-03-31', 10)).toMatchObject({
      verdict: 'refused',
      refusal: {
        reason: 'EXPIRED_BATCH',
        ruleId: 'R-SUPPLY',
        message: '批号 L-OLD 已于 2021-03-31 过期，不能入库',
      },
    });
    expect(await batchLedger(store.pool, MED)).toEqual([]);
    await receive(a, MED, 'L-1', LATE, 10);
    expect(await receive(b, MED, 'L-1', EARLY, 3)).toMatchObject({
      verdict: 'refused',
      refusal: { reason: 'EXPIRY_MISMATCH' },
    });
    // The same batch received again at the other counter adds to the one batch.
    expect(await receive(b, MED, 'L-1', LATE, 3)).toMatchObject({
      verdict: 'received',
      batch: { batchNo: 'L-1', onHand: 13 },
    });
    expect(await batchLedger(store.pool, MED)).toEqual([
      { batch_no: 'L-1', on_hand: 13, moved: 13, sold: 0 },
    ]);
  });

  it('an offline cash sale reconciled with too little stock is sold and its gap recorded for the pharmacist, never a negative quantity [R-STOCK][R-TRACE-ONCE]', async () => {
    await receive(a, MED, 'L-1', LATE, 1);
    const codes = [packCode(), packCode(), packCode()];
    const answer = await b.call('stock.sell', {
      idempotencyKey: key('offline'),
      saleRef: 'offline-7',
      offline: true,
      lines: codes.map((code) => ({
        code,
        medListCodg: MED,
        unitsPerPack: null,
        unitsLeft: null,
        reusedUnits: null,
      })),
    });
    expect(answer).toMatchObject({
      verdict: 'sold',
      sold: 3,
      taken: [{ batchNo: 'L-1', packs: 1 }],
      shortfalls: [{ reason: 'SOLD_OFFLINE_SHORT', ruleId: 'R-STOCK', medListCodg: MED }],
    });
    if (answer.verdict !== 'sold') throw new Error('expected a sale');
    expect(answer.shortfalls[0]?.message).toBe(
      `离线售出（offline-7）的药品 ${MED} 有 2 盒门店库存中没有：已售出，请药师盘点核实`,
    );
    expect((await liveCodes(codes)).length).toBe(3);
    const kept = await store.pool.query(
      'SELECT counter_id, sale_ref, med_list_codg, packs_short FROM store_stock_shortfalls',
    );
    expect(kept.rows).toEqual([
      { counter_id: 'B', sale_ref: 'offline-7', med_list_codg: MED, packs_short: 2 },
    ]);
    await expect(store.pool.query('DELETE FROM store_stock_shortfalls')).rejects.toThrow(
      /append-only/,
    );
    expect(await batchLedger(store.pool, MED)).toEqual([
      { batch_no: 'L-1', on_hand: 0, moved: 0, sold: 1 },
    ]);
    // The same shortage at the counter, online, is refused: nothing is sold.
    expect(await sell(a, 'online-8', MED, [packCode()])).toMatchObject({
      verdict: 'refused',
      shortages: [{ reason: 'SHORT' }],
    });
  });

  it('the database itself refuses a negative quantity, a quantity written past the movements, and a changed or deleted movement [R-STOCK][R-KEEP]', async () => {
    await receive(a, MED, 'L-1', LATE, 1);
    const batch = (await store.pool.query<{ id: string }>('SELECT id FROM store_batches')).rows[0];
    const sale = await sell(a, 's', MED, [packCode()]);
    expect(sale.verdict).toBe('sold');
    // A pack sold by codes alone (no stock taken), then a movement that would take the empty batch below zero.
    const loose = packCode();
    await a.call('codes.confirm', {
      idempotencyKey: key('c'),
      saleRef: 'loose',
      lines: [
        { code: loose, medListCodg: MED, unitsPerPack: null, unitsLeft: null, reusedUnits: null },
      ],
    });
    const saleId = (
      await store.pool.query<{ id: string }>('SELECT id FROM code_sales WHERE code = $1', [loose])
    ).rows[0];
    await expect(
      store.pool.query(
        `INSERT INTO store_stock_movements (batch_id, kind, delta, counter_id, code_sale_id)
         VALUES ($1, 'sale', -1, 'A', $2)`,
        [batch?.id, saleId?.id],
      ),
    ).rejects.toThrow(/store_batches_on_hand_check/);
    await expect(
      store.pool.query('UPDATE store_batches SET on_hand = 50 WHERE id = $1', [batch?.id]),
    ).rejects.toThrow(/only through store_stock_movements/);
    await expect(store.pool.query('UPDATE store_stock_movements SET delta = 9')).rejects.toThrow(
      /append-only/,
    );
    await expect(store.pool.query('DELETE FROM store_stock_movements')).rejects.toThrow(
      /append-only/,
    );
    expect(await batchLedger(store.pool, MED)).toEqual([
      { batch_no: 'L-1', on_hand: 0, moved: 0, sold: 1 },
    ]);
  });
});
