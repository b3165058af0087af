import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DispensingView, ScanVerdict } from '../../../src/contract/types-dispense';
import type { RxSelfPayOffer, SelfPaySaleView } from '../../../src/contract/types-settlement';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { reviewedRx } from '../../support/dispensed-rx';
import { postgresForThisFile } from './helpers/postgres';
import { type CounterId, ownVoucher, storeWithTwoCounters } from './helpers/store-counters';

/**
 * 自费结算 of an e-prescription at a counter of a store (D45, D52): its packs are sold at the
 * store server like any other sale (refused at another counter), the prescription is claimed
 * like a dispensing, and its refund gives packs and claim back at the store.
 */
const AMLODIPINE = 'XC08CAA010A001010201587';
const zhaoLei = DEMO_PATIENTS.find((p) => p.name === '赵磊');
const li = DEMO_PATIENTS[1];
if (!zhaoLei || !li) throw new Error('demo data missing');

const pg15 = postgresForThisFile();
const s = storeWithTwoCounters(pg15.url);
let serial = 0;
const traceCode = () =>
  `8020741${String(Date.now() % 1e6).padStart(6, '0')}${String(serial++).padStart(7, '0')}`;

beforeAll(() => s.start(), 180_000);
afterAll(() => s.stopAll());

const okAt =
  (id: CounterId) =>
  <T>(method: string, input: unknown) =>
    s.ok<T>(id, method, input);

/** A suspended person's prescription at a counter, reviewed and consented to 自费结算. */
async function consentedAt(id: CounterId): Promise<string> {
  const hiRxno = await reviewedRx(
    s.counters[id].h,
    okAt(id),
    { patient: zhaoLei as never, drugs: [{ medListCodg: AMLODIPINE, packs: 1 }] },
    ownVoucher,
  );
  await s.counters[id].h.services.worker.sendNow();
  const offer = await s.ok<RxSelfPayOffer>(id, 'rx.selfPayOffer', { hiRxno });
  await s.ok(id, 'rx.selfPayConsent', {
    hiRxno,
    confirmedBy: '赵磊',
    confirmerRelation: 'self',
    words: offer.words,
  });
  return hiRxno;
}

async function scanAt(id: CounterId, code: string): Promise<ScanVerdict> {
  const hiRxno = await reviewedRx(
    s.counters[id].h,
    okAt(id),
    { patient: li as never, drugs: [{ medListCodg: AMLODIPINE, packs: 1 }] },
    ownVoucher,
  );
  const d = await s.ok<DispensingView>(id, 'dispense.start', { hiRxno });
  return s.ok<ScanVerdict>(id, 'dispense.scan', { dispensingId: d.dispensingId, code });
}

const liveSalesOf = async (code: string) =>
  (
    await s
      .pool()
      .query('SELECT counter_id FROM code_sales WHERE code = $1 AND returned_at IS NULL', [code])
  ).rows;

/** The store's applied returns of counter A's refunded sales (each key answered once). */
const returnsApplied = async () =>
  (
    await s
      .pool()
      .query(
        "SELECT count(*)::int AS n FROM idempotency_keys WHERE method = 'stock.return' AND key LIKE 'salereturn-A-%'",
      )
  ).rows[0].n as number;

const claimOf = async (hiRxno: string) =>
  (
    await s
      .pool()
      .query(
        'SELECT counter_id, settled_at IS NOT NULL AS settled, settlement_id FROM rx_claims WHERE hi_rxno = $1',
        [hiRxno],
      )
  ).rows;

describe('自费结算 of an e-prescription at a counter of a store', () => {
  it('a pack sold by 自费结算 at counter A is refused at counter B; after its refund at A it is accepted at B [R-TRACE-ONCE][R-REVERSE]', async () => {
    const hiRxno = await consentedAt('A');
    const code = traceCode();
    const sale = await s.ok<SelfPaySaleView>('A', 'sale.rxSelfPay', {
      hiRxno,
      items: [{ medListCodg: AMLODIPINE, codes: [code] }],
    });
    expect(await liveSalesOf(code)).toEqual([{ counter_id: 'A' }]);
    const refused = await scanAt('B', code);
    expect(refused.verdict).toBe('refused');
    expect(JSON.stringify(refused)).toContain('R-TRACE-ONCE');

    await s.counters.A.h.services.worker.sendNow();
    await s.ok('A', 'sale.rxSelfPayRefund', { saleId: sale.saleId, reason: '患者要求退药' });
    await s.counters.A.h.services.storeQueue?.deliverNow();
    expect(await liveSalesOf(code)).toEqual([]);
    expect((await scanAt('B', code)).verdict).toBe('accepted');
  });

  it('a 自费结算 refunded while the store server is unreachable completes; its return waits in the counter’s store queue and reaches the store exactly once [R-TRACE-ONCE][R-REVERSE]', async () => {
    const hiRxno = await consentedAt('A');
    const code = traceCode();
    const sale = await s.ok<SelfPaySaleView>('A', 'sale.rxSelfPay', {
      hiRxno,
      items: [{ medListCodg: AMLODIPINE, codes: [code] }],
    });
    await s.counters.A.h.services.worker.sendNow();
    const returnsBefore = await returnsApplied();
    const queue = s.counters.A.h.services.storeQueue;
    await s.cutOff();
    try {
      const back = await s.ok<SelfPaySaleView>('A', 'sale.rxSelfPayRefund', {
        saleId: sale.saleId,
        reason: '患者要求退药',
      });
      expect(back.rxSelfPay?.refunded).toBe(true);
      await queue?.deliverNow();
      expect(queue?.counts().pending).toBe(1);
    } finally {
      await s.reconnect();
    }
    expect(await liveSalesOf(code)).toEqual([{ counter_id: 'A' }]);
    await queue?.deliverNow();
    await queue?.deliverNow();
    expect(queue?.counts().pending).toBe(0);
    expect(await liveSalesOf(code)).toEqual([]);
    expect(await returnsApplied()).toBe(returnsBefore + 1);
    expect((await scanAt('B', code)).verdict).toBe('accepted');
  });

  it('the prescription sold by 自费结算 at counter A is settled at the store in the sale’s commit: counter B is told 已于…在柜台 A 结算, the reconciliation keeps it, and the refund’s return releases it [R-STATUS][R-REVERSE]', async () => {
    const hiRxno = await consentedAt('A');
    const sale = await s.ok<SelfPaySaleView>('A', 'sale.rxSelfPay', {
      hiRxno,
      items: [{ medListCodg: AMLODIPINE, codes: [traceCode()] }],
    });
    const consentId = s.counters.A.h.services.db
      .prepare('SELECT consent_id FROM rx_self_pay_sales WHERE sale_id = ?')
      .pluck()
      .get(sale.saleId);
    expect(await claimOf(hiRxno)).toEqual([
      { counter_id: 'A', settled: true, settlement_id: `rxselfpay-${consentId}` },
    ]);
    const refused = await s.counters.B.h.api('dispense.start', { hiRxno }, s.counters.B.token);
    expect(refused.error).toMatchObject({ code: 'POLICY', ruleId: 'R-STATUS' });
    expect(refused.error?.message).toMatch(new RegExp(`处方 ${hiRxno} 已于 .+ 在柜台 A 结算`));
    const atB = s.counters.B.h.services.db
      .prepare('SELECT count(*) AS n FROM dispensings WHERE hi_rxno = ?')
      .get(hiRxno);
    expect(atB).toEqual({ n: 0 });
    // The minute's reconciliation lists unsettled claims only: a standing sale's claim stays.
    await s.counters.A.h.services.dispense.claims?.reconcileNow(0);
    expect(await claimOf(hiRxno)).toHaveLength(1);

    await s.counters.A.h.services.worker.sendNow();
    await s.ok('A', 'sale.rxSelfPayRefund', { saleId: sale.saleId, reason: '患者要求退药' });
    await s.counters.A.h.services.storeQueue?.deliverNow();
    expect(await claimOf(hiRxno)).toEqual([]);
    const events = await s
      .pool()
      .query('SELECT event FROM rx_claim_events WHERE hi_rxno = $1 ORDER BY id', [hiRxno]);
    expect(events.rows.map((r) => r.event)).toEqual(['claimed', 'settled', 'released']);
  });

  it('while the store server cannot be reached 自费结算 is refused with the reason, nothing sold [R-TRACE-ONCE]', async () => {
    const hiRxno = await consentedAt('A');
    const db = s.counters.A.h.services.db;
    const before = db.prepare('SELECT count(*) FROM self_pay_sales').pluck().get();
    await s.cutOff();
    try {
      const r = await s.counters.A.h.api(
        'sale.rxSelfPay',
        { hiRxno, items: [{ medListCodg: AMLODIPINE, codes: [traceCode()] }] },
        s.counters.A.token,
      );
      expect(r.error).toMatchObject({ code: 'CONFLICT' });
      expect(r.error?.message).toContain('门店服务器无法连接');
      expect(db.prepare('SELECT count(*) FROM self_pay_sales').pluck().get()).toBe(before);
      expect(db.prepare('SELECT count(*) FROM store_queue').pluck().get()).toBe(0);
    } finally {
      await s.reconnect();
    }
  });
});
