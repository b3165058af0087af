import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateOnly } from '../../../src/center/clock';
import type { PrescriptionView } from '../../../src/contract/types';
import type { DailySettlementsReport } from '../../../src/contract/types-reports';
import type {
  ReceiptView,
  RxSelfPayOffer,
  SaleUploadsView,
  SelfPaySaleView,
  SettlementLookupRow,
} from '../../../src/contract/types-settlement';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { reviewedRx } from '../../support/dispensed-rx';
import { AMLODIPINE } from '../../support/paper-fixtures';
import { signedInOnDuty } from '../../support/settled-sale';

const AMLODIPINE_PRODUCT = '8020741';
let serial = 600_000 + (Date.now() % 100_000);
const amlodipineCode = () => `${AMLODIPINE_PRODUCT}${String(serial++).padStart(13, '0')}`;

const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const zhaoLei = DEMO_PATIENTS.find((p) => p.name === '赵磊');
const zhang = DEMO_PATIENTS[0];
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !zhaoLei || !zhang || !ownVoucher) throw new Error('demo data');

/**
 * Issue 19 item 8's alternative (D45): an e-prescription of a person whose basic insurance is
 * suspended is not dispensed on insurance; with the patient's recorded consent it is settled as
 * 自费: no 2101/2102 reaches the center, its 7207 (payMode 自费) and 3505 do, the receipt and
 * the reports say 自费, and 退费 from the lookup puts everything back.
 */
describe('自费结算 of an e-prescription with the patient’s consent, over HTTP', () => {
  let h: Harness;
  let token: string;
  const api = <T>(method: string, input: unknown) => h.api<T>(method, input, token);
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await api<T>(method, input);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  const count = (sql: string, ...args: unknown[]) =>
    h.services.db
      .prepare(sql)
      .pluck()
      .get(...args) as number;
  const centerSettleCalls = () =>
    h.sandbox.db
      .prepare("SELECT count(*) FROM processed_messages WHERE infno IN ('2101', '2102')")
      .pluck()
      .get() as number;
  const center = async <T>(route: string): Promise<T> =>
    (await fetch(`${h.sandboxUrl}/x/sandbox/${route}`)).json() as Promise<T>;
  const packsOf = async (hiRxno: string) => {
    const view = await ok<PrescriptionView>('rx.get', { hiRxno });
    return view.lines.map((l) => ({
      medListCodg: l.medListCodg,
      codes: Array.from({ length: Number(l.quantity) }, amlodipineCode),
    }));
  };
  const onHand = () =>
    count(
      'SELECT coalesce(sum(packs_on_hand), 0) FROM stock_batches WHERE med_list_codg = ?',
      AMLODIPINE,
    );
  const today = dateOnly(new Date());

  beforeAll(async () => {
    h = await startHarness();
    await h.services.worker.stop();
    token = await signedInOnDuty(h, pharmacist);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('a person insured in force is not offered 自费结算: refused with the reason, and the database refuses the consent too [R-SETTLE]', async () => {
    const hiRxno = await reviewedRx(h, ok, { patient: zhang, drugs: [AMLODIPINE] }, ownVoucher);
    const offer = await api('rx.selfPayOffer', { hiRxno });
    expect(offer.error).toMatchObject({ code: 'POLICY', ruleId: 'R-SETTLE' });
    expect(offer.error?.message).toContain('正常参保，应按医保结算');
    expect(offer.error?.citation).toBeTruthy();
    const consent = await api('rx.selfPayConsent', {
      hiRxno,
      confirmedBy: '张伟',
      confirmerRelation: 'self',
      words: 'x'.repeat(40),
    });
    expect(consent.error).toMatchObject({ code: 'POLICY', ruleId: 'R-SETTLE' });
    const sale = await api('sale.rxSelfPay', {
      hiRxno,
      items: await packsOf(hiRxno),
    });
    expect(sale.error).toMatchObject({ code: 'POLICY', ruleId: 'R-SETTLE' });
    expect(count('SELECT count(*) FROM rx_self_pay_consents')).toBe(0);
    expect(count('SELECT count(*) FROM self_pay_sales')).toBe(0);
    const certno = count('SELECT certno FROM prescriptions WHERE hi_rxno = ?', hiRxno);
    const insert = () =>
      h.services.db
        .prepare(
          `INSERT INTO rx_self_pay_consents
             (hi_rxno, certno, confirmed_by, confirmer_relation, words, recorded_by, recorded_at)
           VALUES (?, ?, '张伟', 'self', ?, 1, 0)`,
        )
        .run(hiRxno, certno, '同意自费'.repeat(6));
    expect(insert).toThrow(/不是已知的暂停或终止参保/);
  });

  let hiRxno: string;

  it('a suspended person: dispensing on insurance is refused, and without the recorded consent so is 自费结算; nothing sold or queued [R-SETTLE]', async () => {
    hiRxno = await reviewedRx(h, ok, { patient: zhaoLei, drugs: [AMLODIPINE] }, ownVoucher);
    const dispense = await api('dispense.start', { hiRxno });
    expect(dispense.error).toMatchObject({ code: 'POLICY', ruleId: 'R-SETTLE' });
    const outboxBefore = count('SELECT count(*) FROM outbox');
    const before = onHand();
    const r = await api('sale.rxSelfPay', { hiRxno, items: await packsOf(hiRxno) });
    expect(r.error).toMatchObject({ code: 'POLICY', ruleId: 'R-SETTLE' });
    expect(r.error?.message).toContain('尚未登记患者同意自费结算');
    expect(r.error?.message).not.toMatch(/R-[A-Z]/);
    expect(count('SELECT count(*) FROM self_pay_sales')).toBe(0);
    expect(count('SELECT count(*) FROM outbox')).toBe(outboxBefore);
    expect(onHand()).toBe(before);
  });

  it('the database refuses a 自费结算 sale without a consent for that prescription [R-SETTLE]', () => {
    const saleId = h.services.db
      .prepare(
        'INSERT INTO self_pay_sales (staff_id, total_fen, sold_at) VALUES (1, 0, 0) RETURNING id',
      )
      .pluck();
    const link = () =>
      h.services.db.transaction(() =>
        h.services.db
          .prepare(
            'INSERT INTO rx_self_pay_sales (sale_id, hi_rxno, consent_id) VALUES (?, ?, 999)',
          )
          .run(saleId.get(), hiRxno),
      )();
    expect(link).toThrow(/没有患者对该电子处方自费结算的同意记录/);
  });

  let sale: SelfPaySaleView;
  let stockBefore: number;

  it('with the consent recorded (who, the words shown, by whom, when) it is settled as 自费: no 2101/2102 at the center, 7207 自费 and 3505 delivered, shown as 已自费结算 [R-SETTLE][R-SALES-UP][R-STOCK][R-STATUS]', async () => {
    const offer = await ok<RxSelfPayOffer>('rx.selfPayOffer', { hiRxno });
    expect(offer.statusText).toBe('暂停参保');
    expect(offer.words).toContain('医保基金支付 0.00 元');
    const stale = await api('rx.selfPayConsent', {
      hiRxno,
      confirmedBy: '赵磊',
      confirmerRelation: 'self',
      words: `${offer.words}（旧）`,
    });
    expect(stale.error).toMatchObject({ code: 'CONFLICT', ruleId: 'R-SETTLE' });
    const { consentId } = await ok<{ consentId: number }>('rx.selfPayConsent', {
      hiRxno,
      confirmedBy: '赵磊',
      confirmerRelation: 'self',
      words: offer.words,
    });
    const consent = h.services.db
      .prepare('SELECT * FROM rx_self_pay_consents WHERE id = ?')
      .get(consentId) as Record<string, unknown>;
    expect(consent).toMatchObject({
      hi_rxno: hiRxno,
      confirmed_by: '赵磊',
      words: offer.words,
      recorded_by: DEMO_STAFF.indexOf(pharmacist) + 1,
    });
    expect(consent.recorded_at).toEqual(expect.any(Number));

    const settleCalls = centerSettleCalls();
    stockBefore = onHand();
    sale = await ok<SelfPaySaleView>('sale.rxSelfPay', { hiRxno, items: await packsOf(hiRxno) });
    expect(sale.rxSelfPay).toEqual({ hiRxno, refunded: false, refundReason: null });
    expect(sale.uploads.map((u) => u.infno).sort()).toEqual(['3505', '7207']);
    expect(onHand()).toBe(stockBefore - (sale.lines[0]?.packs ?? 0));
    expect(count('SELECT count(*) FROM settlements')).toBe(0);

    await h.services.worker.sendNow();
    const up = await ok<SaleUploadsView>('uploads.forSale', { saleId: sale.saleId });
    expect(up.allDelivered).toBe(true);
    expect(centerSettleCalls()).toBe(settleCalls);
    const { settlements } = await center<{ settlements: unknown[] }>(
      `settlements?hi_rxno=${hiRxno}`,
    );
    expect(settlements).toEqual([]);
    const { sales } = await center<{ sales: Array<Record<string, unknown>> }>(
      `sales?hi_rxno=${hiRxno}`,
    );
    expect(sales).toEqual([expect.objectContaining({ pay_mode: '1', setl_id: '' })]);
    const code = sale.lines[0]?.codes[0];
    expect((await center<{ sold: boolean }>(`sold-codes?code=${code}`)).sold).toBe(true);

    const view = await ok<PrescriptionView>('rx.get', { hiRxno });
    expect(view.live).toMatchObject({ code: 'self_paid', label: '已自费结算', next: null });
    const list = await ok<Array<{ hiRxno: string; live: { code: string } }>>('rx.list', {});
    expect(list.find((x) => x.hiRxno === hiRxno)?.live.code).toBe('self_paid');
    const again = await api('sale.rxSelfPay', { hiRxno, items: await packsOf(hiRxno) });
    expect(again.error).toMatchObject({ code: 'CONFLICT', ruleId: 'R-STATUS' });
  });

  it('the receipt says 自费结算 with fund 0.00 and no rule ids; the day report and the lookup count it as self-pay [R-SETTLE][R-RECON]', async () => {
    const receipt = await ok<ReceiptView>('receipt.get', {
      saleId: sale.saleId,
      format: 'thermal80',
    });
    const text = (receipt.lines ?? []).join('\n');
    expect(text).toContain('自费结算');
    expect(text).toMatch(/医保基金支付\s+0\.00/);
    expect(text).toMatch(new RegExp(`个人现金支付\\s+${sale.total.yuan}`));
    expect(text).toContain(hiRxno);
    expect(text).not.toMatch(/R-[A-Z]/);
    expect(text).not.toContain('赵磊');

    const daily = await ok<DailySettlementsReport>('reports.get', {
      report: 'settlements-daily',
      from: today,
      to: today,
    });
    expect(daily.totals).toMatchObject({
      settlements: 0,
      fundFen: 0,
      selfPaySales: 1,
      selfPayFen: sale.total.fen,
      refunds: 0,
    });

    const rows = await ok<SettlementLookupRow[]>('settlement.find', {
      patient: '赵磊',
      from: today,
      to: today,
    });
    expect(rows).toEqual([
      expect.objectContaining({
        settlementId: null,
        selfPaySaleId: sale.saleId,
        hiRxno,
        stateLabel: '已自费结算',
        fund: expect.objectContaining({ fen: 0 }),
        cash: expect.objectContaining({ fen: sale.total.fen }),
        canRefund: true,
      }),
    ]);
  });

  it('退费 from the lookup: cash back, packs and codes back, 7208/3506 delivered, the prescription back to 待调剂 at the counter and the center [R-REVERSE][R-TRACE-ONCE][R-STATUS]', async () => {
    const back = await ok<SelfPaySaleView>('sale.rxSelfPayRefund', {
      saleId: sale.saleId,
      reason: '患者恢复参保后改医保购药',
    });
    expect(back.rxSelfPay).toMatchObject({
      refunded: true,
      refundReason: '患者恢复参保后改医保购药',
    });
    expect(onHand()).toBe(stockBefore);
    const code = sale.lines[0]?.codes[0];
    expect(count('SELECT returned_at IS NOT NULL FROM sold_codes WHERE code = ?', code)).toBe(1);
    const again = await api('sale.rxSelfPayRefund', { saleId: sale.saleId, reason: '重复退费' });
    expect(again.error).toMatchObject({ code: 'CONFLICT', ruleId: 'R-REVERSE' });

    await h.services.worker.sendNow();
    const up = await ok<SaleUploadsView>('uploads.forSale', { saleId: sale.saleId });
    expect(up.uploads.map((u) => u.infno).sort()).toEqual(['3505', '3506', '7207', '7208']);
    expect(up.allDelivered).toBe(true);
    expect((await center<{ sold: boolean }>(`sold-codes?code=${code}`)).sold).toBe(false);
    const { sales } = await center<{ sales: Array<{ cancelled_at: string | null }> }>(
      `sales?hi_rxno=${hiRxno}`,
    );
    expect(sales[0]?.cancelled_at).toBeTruthy();

    const view = await ok<PrescriptionView>('rx.get', { hiRxno });
    expect(view.live.code).toBe('to_dispense');
    const [row] = await ok<SettlementLookupRow[]>('settlement.find', {
      patient: '赵磊',
      from: today,
      to: today,
    });
    expect(row).toMatchObject({ stateLabel: '自费结算·已退费', canRefund: false });
    const daily = await ok<DailySettlementsReport>('reports.get', {
      report: 'settlements-daily',
      from: today,
      to: today,
    });
    expect(daily.totals).toMatchObject({ refunds: 1, refundedFen: sale.total.fen, netFen: 0 });
    const receipt = await ok<ReceiptView>('receipt.get', {
      saleId: sale.saleId,
      format: 'thermal80',
    });
    expect((receipt.lines ?? []).join('\n')).toContain('已退费');
  });
});
