import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DispensingView } from '../../../src/contract/types-dispense';
import type { SettlementView, SettlePreview } from '../../../src/contract/types-settlement';
import type { StoreClashView, StoreLinkView } from '../../../src/contract/types-store';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { dispensedRx, reviewedRx } from '../../support/dispensed-rx';
import { postgresForThisFile } from './helpers/postgres';
import { batchLedger, receive } from './helpers/stock';
import { counter } from './helpers/store';
import { type CounterId, ownVoucher, storeWithTwoCounters } from './helpers/store-counters';

/**
 * A counter of a store sells and returns stock through the store server (D53): the store's FEFO
 * answer is the truth, the counter records the batches it names as its own allocations (a batch
 * received at another counter gets a local copy), and a return goes back into the very batch.
 * The store starts empty here: only what a test receives at counter B is in it, while each
 * counter's own SQLite still holds its sandbox demo batches (which expire earlier).
 */
const AMLODIPINE = 'XC08CAA010A001010201587';
const ATORVASTATIN = 'XC10AAA050A001010103356';
const LORATADINE = 'XR06AXL020A001010101672';
const PRODUCT: Record<string, string> = {
  [AMLODIPINE]: '8020741',
  [ATORVASTATIN]: '8041481',
  [LORATADINE]: '8062221',
};
const [zhang] = DEMO_PATIENTS;
if (!zhang) throw new Error('demo data missing');

const pg15 = postgresForThisFile();
const s = storeWithTwoCounters(pg15.url, {}, false);
let serial = 0;
const traceCode = (medListCodg: string) =>
  `${PRODUCT[medListCodg]}${String(Date.now() % 1e6).padStart(6, '0')}${String(serial++).padStart(7, '0')}`;

beforeAll(() => s.start(), 180_000);
afterAll(() => s.stopAll());

const okAt =
  (id: CounterId) =>
  <T>(method: string, input: unknown) =>
    s.ok<T>(id, method, input);
const atB = () => counter(s.storeUrl(), 'B');
const dbOf = (id: CounterId) => s.counters[id].h.services.db;

/** The local allocations of a dispensing: which batch, how many packs, how many came from the store. */
const allocationsOf = (id: CounterId, dispensingId: number) =>
  dbOf(id)
    .prepare(
      `SELECT b.batch_no AS batchNo, b.expiry, a.packs, b.store_copy_packs AS storeCopyPacks
       FROM dispensing_allocations a JOIN stock_batches b ON b.id = a.batch_id
       WHERE a.dispensing_id = ? ORDER BY b.batch_no`,
    )
    .all(dispensingId);

const liveSales = async (codes: string[]) =>
  (
    await s
      .pool()
      .query(
        'SELECT code, counter_id FROM code_sales WHERE code = ANY ($1) AND returned_at IS NULL',
        [codes],
      )
  ).rows;

describe('a counter of a store sells and returns stock at the store server', () => {
  let settlementId = 0;
  let dispensingId = 0;

  it('a completion at counter A takes the batch received at counter B, earlier expiry first; the store quantity goes down and the local allocation and the 3505 name that batch [R-STOCK][R-SALES-UP][R-TRACE-ONCE]', async () => {
    expect((await receive(atB(), AMLODIPINE, 'SB-LATE', '2029-12-31', 5)).verdict).toBe('received');
    expect((await receive(atB(), AMLODIPINE, 'SB-EARLY', '2027-09-30', 3)).verdict).toBe(
      'received',
    );
    const d = await dispensedRx(s.counters.A.h, okAt('A'), {
      patient: zhang as never,
      drugs: [{ medListCodg: AMLODIPINE, packs: 2 }],
      ownVoucher,
      codeOf: traceCode,
    });
    dispensingId = d.dispensingId;

    expect(await batchLedger(s.pool(), AMLODIPINE)).toEqual([
      { batch_no: 'SB-EARLY', on_hand: 1, moved: 1, sold: 2 },
      { batch_no: 'SB-LATE', on_hand: 5, moved: 5, sold: 0 },
    ]);
    // Counter A never received SB-EARLY: its copy exists only for the packs the store took.
    expect(allocationsOf('A', d.dispensingId)).toEqual([
      { batchNo: 'SB-EARLY', expiry: '2027-09-30', packs: 2, storeCopyPacks: 2 },
    ]);

    const p = await s.ok<SettlePreview>('A', 'settle.preview', { dispensingId: d.dispensingId });
    const st = await s.ok<SettlementView>('A', 'settle.confirm', {
      dispensingId: d.dispensingId,
      previewId: p.previewId,
    });
    settlementId = st.settlementId;
    await s.counters.A.h.services.worker.sendNow();
    const body = dbOf('A')
      .prepare("SELECT body FROM outbox WHERE infno = '3505' ORDER BY id DESC LIMIT 1")
      .pluck()
      .get() as string;
    const lots = [...body.matchAll(/"manu_lotnum":"([^"]+)"/g)].map((m) => m[1]);
    expect(lots.length).toBeGreaterThan(0);
    expect(new Set(lots)).toEqual(new Set(['SB-EARLY']));
    expect(body).toContain('"expy_end":"2027-09-30"');
  }, 60_000);

  it('a refund at counter A returns the packs into the same store batch, once [R-REVERSE][R-STOCK][R-TRACE-ONCE]', async () => {
    expect(settlementId).toBeGreaterThan(0);
    await s.ok('A', 'refund.start', { settlementId, reason: '患者要求退药' });
    const queue = s.counters.A.h.services.storeQueue;
    await queue?.deliverNow();
    await queue?.deliverNow();
    expect(queue?.counts().pending).toBe(0);
    expect(await batchLedger(s.pool(), AMLODIPINE)).toEqual([
      { batch_no: 'SB-EARLY', on_hand: 3, moved: 3, sold: 2 },
      { batch_no: 'SB-LATE', on_hand: 5, moved: 5, sold: 0 },
    ]);
    const returns = await s.pool().query<{ batch_no: string; n: number }>(
      `SELECT b.batch_no, count(*)::int AS n FROM store_stock_movements m
         JOIN store_batches b ON b.id = m.batch_id
         WHERE m.kind = 'return' AND b.med_list_codg = $1 GROUP BY b.batch_no`,
      [AMLODIPINE],
    );
    expect(returns.rows).toEqual([{ batch_no: 'SB-EARLY', n: 2 }]);
    // The local copy follows: the packs are back on hand in A's copy of SB-EARLY.
    const local = dbOf('A')
      .prepare("SELECT packs_on_hand FROM stock_batches WHERE batch_no = 'SB-EARLY'")
      .pluck()
      .get();
    expect(local).toBe(2);
    expect(dispensingId).toBeGreaterThan(0);
  }, 60_000);

  it('a store with nothing on hand refuses the completion with the R-STOCK reason: nothing sold, the codes stay held for a retry [R-STOCK][R-TRACE-ONCE]', async () => {
    const hiRxno = await reviewedRx(
      s.counters.A.h,
      okAt('A'),
      { patient: zhang as never, drugs: [{ medListCodg: ATORVASTATIN, packs: 1 }] },
      ownVoucher,
    );
    const d = await s.ok<DispensingView>('A', 'dispense.start', { hiRxno });
    const code = traceCode(ATORVASTATIN);
    await s.ok('A', 'dispense.scan', { dispensingId: d.dispensingId, code });
    const localBefore = dbOf('A')
      .prepare('SELECT sum(packs_on_hand) FROM stock_batches WHERE med_list_codg = ?')
      .pluck()
      .get(ATORVASTATIN);

    const refused = await s.call<DispensingView>('A', 'dispense.complete', {
      dispensingId: d.dispensingId,
    });
    expect(refused.error).toMatchObject({ code: 'POLICY', ruleId: 'R-STOCK' });
    expect(refused.error?.message).toContain(
      '「阿托伐他汀钙片」门店库存不足：需 1 盒，未过期可用 0 盒',
    );
    expect(refused.error?.message).toContain('追溯码仍为本调剂单保留');
    expect(refused.error?.citation).toContain('进销存');
    expect(await liveSales([code])).toEqual([]);
    const held = await s
      .pool()
      .query('SELECT counter_id FROM code_reservations WHERE code = $1', [code]);
    expect(held.rows).toEqual([{ counter_id: 'A' }]);
    const still = await s.ok<DispensingView>('A', 'dispense.get', {
      dispensingId: d.dispensingId,
    });
    expect(still.state).toBe('open');
    expect(
      dbOf('A')
        .prepare('SELECT sum(packs_on_hand) FROM stock_batches WHERE med_list_codg = ?')
        .pluck()
        .get(ATORVASTATIN),
    ).toBe(localBefore);

    // Received at the store, the same dispensing completes with the same held code.
    expect((await receive(atB(), ATORVASTATIN, 'SB-ATV', '2028-06-30', 1)).verdict).toBe(
      'received',
    );
    await s.ok('A', 'dispense.complete', { dispensingId: d.dispensingId });
    expect(await liveSales([code])).toEqual([{ code, counter_id: 'A' }]);
    expect(allocationsOf('A', d.dispensingId)).toMatchObject([{ batchNo: 'SB-ATV', packs: 1 }]);
  }, 60_000);

  it('an OTC cash sale made offline that the store cannot cover is sold and flagged to the pharmacist beside the code clashes; online, the same shortage refuses the sale [R-STOCK][R-TRACE-ONCE]', async () => {
    expect((await receive(atB(), LORATADINE, 'SB-LOR', '2028-12-31', 1)).verdict).toBe('received');
    const codes = [1, 2, 3].map(() => traceCode(LORATADINE)).sort();
    await s.cutOffCounter('A');
    await s.ok('A', 'sale.selfPay', { items: [{ medListCodg: LORATADINE, codes }] });
    await s.reconnectCounter('A');

    const merged = await s.ok<StoreLinkView>('A', 'store.link', {});
    expect(merged).toMatchObject({
      reachable: true,
      owed: { pending: 0, unconfirmedCodes: 0, clashes: 1 },
    });
    expect(await liveSales(codes)).toHaveLength(3);
    expect(await batchLedger(s.pool(), LORATADINE)).toEqual([
      { batch_no: 'SB-LOR', on_hand: 0, moved: 0, sold: 1 },
    ]);
    const short = await s
      .pool()
      .query(
        'SELECT counter_id, packs_short FROM store_stock_shortfalls WHERE med_list_codg = $1',
        [LORATADINE],
      );
    expect(short.rows).toEqual([{ counter_id: 'A', packs_short: 2 }]);
    const flagged = await s.ok<StoreClashView[]>('A', 'store.clashes', {});
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatchObject({
      kind: 'stockShort',
      ours: { counterId: 'A' },
      other: { counterId: null, saleRef: null, soldAt: null },
      ruleId: 'R-STOCK',
    });
    expect(flagged[0]?.message).toContain('有 2 盒门店库存中没有：已售出，请药师盘点核实');
    expect(codes).toContain(flagged[0]?.code);

    // Sending again flags nothing twice.
    await s.counters.A.h.services.storeQueue?.deliverNow();
    expect(await s.ok<StoreClashView[]>('A', 'store.clashes', {})).toHaveLength(1);

    // Connected, a cash sale the store cannot cover is refused and nothing is sold.
    const more = traceCode(LORATADINE);
    const refused = await s.call('A', 'sale.selfPay', {
      items: [{ medListCodg: LORATADINE, codes: [more] }],
    });
    expect(refused.error).toMatchObject({ code: 'POLICY', ruleId: 'R-STOCK' });
    expect(refused.error?.message).toContain('「氯雷他定片」门店库存不足');
    expect(refused.error?.message).toContain('本次售出未登记');
    expect(await liveSales([more])).toEqual([]);
  }, 60_000);
});
