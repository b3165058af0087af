import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DispensingView } from '../../../src/contract/types-dispense';
import type { SelfPaySaleView } from '../../../src/contract/types-settlement';
import type { StoreClashView, StoreLinkView } from '../../../src/contract/types-store';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { reviewedRx } from '../../support/dispensed-rx';
import { postgresForThisFile } from './helpers/postgres';
import { ownVoucher, storeWithTwoCounters } from './helpers/store-counters';

/**
 * A counter cut off from its store server sells non-prescription goods for cash offline; another
 * counter sells one of the same pack codes meanwhile; on reconnect the offline sale is merged:
 * the clash is recorded with both sales for the pharmacist, the other packs are confirmed once.
 */
const LORATADINE = 'XR06AXL020A001010101672';
const LORATADINE_PRODUCT = '8062221';
const AMLODIPINE = 'XC08CAA010A001010201587';
const [zhang] = DEMO_PATIENTS;
if (!zhang) throw new Error('demo data missing');

const pg15 = postgresForThisFile();
const s = storeWithTwoCounters(pg15.url);
let serial = 0;
const traceCode = (product: string) =>
  `${product}${String(Date.now() % 1e6).padStart(6, '0')}${String(serial++).padStart(7, '0')}`;

beforeAll(() => s.start(), 180_000);
afterAll(() => s.stopAll());

const liveSales = async (codes: string[]) =>
  (
    await s.pool().query(
      `SELECT code, counter_id, sale_ref FROM code_sales
         WHERE code = ANY ($1) AND returned_at IS NULL ORDER BY code`,
      [codes],
    )
  ).rows as Array<{ code: string; counter_id: string; sale_ref: string }>;

describe('a counter cut off from its store server', () => {
  it('sells OTC goods for cash offline; on reconnect a code another counter sold meanwhile is flagged with both sales and the other codes are confirmed once [R-TRACE-ONCE][R-GSP-RX]', async () => {
    const codes = [1, 2, 3].map(() => traceCode(LORATADINE_PRODUCT)).sort();
    const [x1, x2, x3] = codes as [string, string, string];
    await s.cutOffCounter('A');

    const offline = await s.ok<StoreLinkView>('A', 'store.link', {});
    expect(offline).toMatchObject({ mode: 'counter', reachable: false });
    expect(offline.message).toContain('非处方药自费零售可离线完成');
    const sale = await s.ok<SelfPaySaleView>('A', 'sale.selfPay', {
      items: [{ medListCodg: LORATADINE, codes }],
    });
    const queued = await s.ok<StoreLinkView>('A', 'store.link', {});
    expect(queued).toMatchObject({ owed: { pending: 1, unconfirmedCodes: 3, clashes: 0 } });

    // Offline, a prescription drug is not sold for cash (local rule) and a dispensing takes no new pack.
    const rxForCash = await s.call('A', 'sale.selfPay', {
      items: [{ medListCodg: AMLODIPINE, codes: [traceCode('8020741')] }],
    });
    expect(rxForCash.error).toMatchObject({ ruleId: 'R-GSP-RX' });
    const hiRxno = await reviewedRx(
      s.counters.A.h,
      (m, i) => s.ok('A', m, i),
      { patient: zhang as never, drugs: [{ medListCodg: AMLODIPINE, packs: 1 }] },
      ownVoucher,
    );
    // …it does not even start: the store cannot say whether another counter holds it (R-STATUS).
    const start = await s.call<DispensingView>('A', 'dispense.start', { hiRxno });
    expect(start.error).toMatchObject({ code: 'CONFLICT', ruleId: 'R-STATUS' });
    expect(start.error?.message).toContain('门店服务器无法连接');

    // Meanwhile counter B, connected, sells one of the same codes: the store knows nothing of A's sale.
    await s.ok('B', 'sale.selfPay', { items: [{ medListCodg: LORATADINE, codes: [x2] }] });
    expect(await liveSales(codes)).toMatchObject([{ code: x2, counter_id: 'B' }]);

    await s.reconnectCounter('A');
    const merged = await s.ok<StoreLinkView>('A', 'store.link', {});
    expect(merged).toMatchObject({
      reachable: true,
      owed: { pending: 0, unconfirmedCodes: 0, clashes: 1 },
    });
    const live = await liveSales(codes);
    expect(live.map((r) => [r.code, r.counter_id])).toEqual([
      [x1, 'A'],
      [x2, 'B'],
      [x3, 'A'],
    ]);
    const bSale = live.find((r) => r.code === x2);

    const clashes = await s.ok<StoreClashView[]>('A', 'store.clashes', {});
    expect(clashes).toHaveLength(1);
    expect(clashes[0]).toMatchObject({
      code: x2,
      ours: { counterId: 'A', docNo: `Z${sale.saleId}`, soldAt: sale.soldAt },
      other: { counterId: 'B', saleRef: bSale?.sale_ref },
      ruleId: 'R-TRACE-ONCE',
    });
    expect(clashes[0]?.ours.saleRef).toBe(live.find((r) => r.code === x1)?.sale_ref);
    expect(clashes[0]?.other.soldAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(clashes[0]?.message).toContain('同一盒药品不得重复销售');
    expect(clashes[0]?.citation).toContain('同一追溯码只能销售一次');

    // Sending again changes nothing: each code was sold at the store once.
    await s.counters.A.h.services.storeQueue?.deliverNow();
    const all = await s
      .pool()
      .query(
        'SELECT code, count(*)::int AS n FROM code_sales WHERE code = ANY ($1) GROUP BY code ORDER BY code',
        [codes],
      );
    expect(all.rows).toEqual(codes.map((code) => ({ code, n: 1 })));
    // The pack A sold offline stays sold at A (its local registry): never silently dropped.
    const soldHere = s.counters.A.h.services.db
      .prepare('SELECT count(*) FROM sold_codes WHERE code IN (?, ?, ?) AND returned_at IS NULL')
      .pluck()
      .get(...codes);
    expect(soldHere).toBe(3);
  });

  it('a cash sale whose confirm reached the store but whose answer was lost completes offline and merges without a clash with itself [R-TRACE-ONCE]', async () => {
    const code = traceCode(LORATADINE_PRODUCT);
    s.loseAnswersOf('A', true);
    const sale = await s.ok<SelfPaySaleView>('A', 'sale.selfPay', {
      items: [{ medListCodg: LORATADINE, codes: [code] }],
    });
    expect(sale.saleId).toBeGreaterThan(0);
    // The store did sell it (the request arrived); the counter queued it as unconfirmed.
    expect(await liveSales([code])).toMatchObject([{ code, counter_id: 'A' }]);
    s.loseAnswersOf('A', false);
    const merged = await s.ok<StoreLinkView>('A', 'store.link', {});
    expect(merged).toMatchObject({
      reachable: true,
      owed: { pending: 0, unconfirmedCodes: 0, clashes: 1 },
    });
    const clashes = await s.ok<StoreClashView[]>('A', 'store.clashes', {});
    expect(clashes.map((c) => c.code)).not.toContain(code);
  });
});
