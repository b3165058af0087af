import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrescriptionView, RxCandidate } from '../../../src/contract/types';
import type { DispensingView } from '../../../src/contract/types-dispense';
import type {
  ReceiptView,
  SaleUploadsView,
  SelfPaySaleView,
  SettlementView,
  SettlePreview,
} from '../../../src/contract/types-settlement';
import { createPrescription } from '../../../src/sandbox/hospital/create-prescription';
import type { DrugOrder } from '../../../src/sandbox/hospital/drug-lines';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { pdfTextLines } from '../../support/pdf-text';
import { signedInOnDuty } from '../../support/settled-sale';

const AMOXICILLIN = 'XJ01CAA040A001010100435';
const AMLODIPINE = 'XC08CAA010A001010201587';
const EMPAGLIFLOZIN = 'XA10BKE020A001010103765';
const LORATADINE = 'XR06AXL020A001010101672';
const PRODUCT: Record<string, string> = {
  [AMOXICILLIN]: '8010371',
  [AMLODIPINE]: '8020741',
  [EMPAGLIFLOZIN]: '8124441',
  [LORATADINE]: '8062221',
};

const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const [zhang, li] = DEMO_PATIENTS;
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !zhang || !li || !ownVoucher) throw new Error('demo data missing');
const CHECKS = {
  identityChecked: true,
  prescriptionChecked: true,
  medicalRecordChecked: true,
  note: '已核对身份证、处方与病历',
};

let serial = 500_000;
const codeOf = (medListCodg: string) =>
  `${PRODUCT[medListCodg]}${String(serial++).padStart(13, '0')}`;

interface CenterSettlement {
  setl_id: string;
  stas: string;
  msgid: string;
}

describe('settlement, unknown outcomes, refunds and uploads over HTTP', () => {
  let h: Harness;
  let token: string;

  const api = <T>(method: string, input: unknown) => h.api<T>(method, input, token);
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await api<T>(method, input);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  const center = async <T>(route: string): Promise<T> =>
    (await fetch(`${h.sandboxUrl}/x/sandbox/${route}`)).json() as Promise<T>;
  const centerSettlements = async (hiRxno: string) =>
    (await center<{ settlements: CenterSettlement[] }>(`settlements?hi_rxno=${hiRxno}`))
      .settlements;
  const liveAtCenter = async (hiRxno: string) =>
    (await centerSettlements(hiRxno)).filter((s) => s.stas === '1');
  const fault = async (rule: Record<string, unknown>) => {
    const res = await fetch(`${h.sandboxUrl}/x/sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(rule),
    });
    expect(res.status).toBe(201);
  };

  /** Download → review (7206 delivered) → dispense every pack; returns the dispensing and codes. */
  const dispensed = async (
    patient: typeof zhang,
    drugs: Array<string | DrugOrder>,
    reuse: string[] = [],
  ) => {
    const rx = await createPrescription({ baseUrl: h.sandboxUrl }, { patient, drugs });
    const found = await ok<RxCandidate[]>('rx.find', { by: 'qr', qr: rx.qr });
    await ok<PrescriptionView>('rx.download', found[0]?.ticket);
    await ok('review.submit', {
      hiRxno: rx.hiRxno,
      result: 'pass',
      opinion: '处方合理，用法用量适宜',
      ecToken: ownVoucher,
      dualChannel: CHECKS,
    });
    await h.services.worker.sendNow();
    const d = await ok<DispensingView>('dispense.start', { hiRxno: rx.hiRxno });
    const codes: string[] = [];
    const spare = [...reuse];
    for (const l of d.lines) {
      for (let i = 0; i < l.packsPrescribed; i++) {
        const code = spare.shift() ?? codeOf(l.medListCodg);
        const v = await ok<{ verdict: string; message: string }>('dispense.scan', {
          dispensingId: d.dispensingId,
          code,
        });
        expect(v.verdict, v.message).toBe('accepted');
        codes.push(code);
      }
    }
    await ok('dispense.complete', { dispensingId: d.dispensingId });
    return { hiRxno: rx.hiRxno, dispensingId: d.dispensingId, codes };
  };
  const settle = async (dispensingId: number) => {
    const p = await ok<SettlePreview>('settle.preview', { dispensingId });
    return ok<SettlementView>('settle.confirm', { dispensingId, previewId: p.previewId });
  };
  const packsOnHand = (medListCodg: string) =>
    h.services.db
      .prepare('SELECT sum(packs_on_hand) FROM stock_batches WHERE med_list_codg = ?')
      .pluck()
      .get(medListCodg) as number;

  beforeAll(async () => {
    h = await startHarness();
    await h.services.worker.stop();
    token = await signedInOnDuty(h, pharmacist);
  });
  afterAll(async () => {
    await h.close();
  });

  it('download → review → dispense → preview → settle → receipt → 7207/3505 delivered [R-SETTLE][R-SALES-UP][R-TRACE]', async () => {
    const sale = await dispensed(zhang, [{ medListCodg: AMOXICILLIN, packs: 2 }, AMLODIPINE]);
    const p = await ok<SettlePreview>('settle.preview', { dispensingId: sale.dispensingId });
    expect(p.split.total).toEqual({ fen: 2 * 1280 + 2650, yuan: '52.10' });
    expect(p.split.fund.fen + p.split.account.fen + p.split.cash.fen).toBe(p.split.total.fen);
    expect(p.lines.map((l) => [l.name, l.quantity])).toEqual([
      ['阿莫西林胶囊', 2],
      ['苯磺酸氨氯地平片', 1],
    ]);
    expect(p.patient.certnoMasked).not.toContain(zhang.certno);
    expect(await centerSettlements(sale.hiRxno)).toEqual([]);

    const s = await ok<SettlementView>('settle.confirm', {
      dispensingId: sale.dispensingId,
      previewId: p.previewId,
    });
    expect(s).toMatchObject({ state: 'settled', canRefund: true, canSettleAgain: false });
    expect(s.setlId).toHaveLength(30);
    expect(s.split?.total.fen).toBe(p.split.total.fen);
    expect(s.uploads.map((u) => [u.infno, u.state])).toEqual([
      ['7207', 'queued'],
      ['3505', 'queued'],
    ]);
    const again = await api('settle.confirm', { dispensingId: sale.dispensingId });
    expect(again.error).toMatchObject({ code: 'CONFLICT', ruleId: 'R-STATUS' });

    const r58 = await ok<ReceiptView>('receipt.get', {
      settlementId: s.settlementId,
      format: 'thermal58',
    });
    const text = r58.lines?.join('\n') ?? '';
    expect(text).toContain(sale.hiRxno);
    expect(text).toContain('统筹基金支付');
    for (const c of sale.codes) expect(text).toContain(c);
    expect(text).not.toContain(zhang.certno);
    const r80 = await ok<ReceiptView>('receipt.get', {
      settlementId: s.settlementId,
      format: 'thermal80',
    });
    expect(r80.columns).toBe(48);
    const a4 = await ok<ReceiptView>('receipt.get', { settlementId: s.settlementId, format: 'a4' });
    const pdf = Buffer.from(a4.pdfBase64 ?? '', 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await pdfTextLines(pdf))?.join('\n')).toContain(sale.hiRxno);

    await h.services.worker.sendNow();
    const up = await ok<SaleUploadsView>('uploads.forSale', { settlementId: s.settlementId });
    expect(up).toMatchObject({ allDelivered: true, needsAttention: false });
    const { sales } = await center<{ sales: Array<Record<string, unknown>> }>(
      `sales?hi_rxno=${sale.hiRxno}`,
    );
    expect(sales).toHaveLength(1);
    expect(sales[0]).toMatchObject({ setl_id: s.setlId, stas: '1' });
    const sold = await center<{ sold: boolean }>(`sold-codes?code=${sale.codes[0]}`);
    expect(sold.sold).toBe(true);
    expect(await liveAtCenter(sale.hiRxno)).toHaveLength(1);
  });

  it('shows a delivery fee as non-covered self-pay; a dual-channel drug sold at its payment standard leaves no excess for the patient [R-NONCOVERED][R-PRICE]', async () => {
    const sale = await dispensed(li, [EMPAGLIFLOZIN]);
    const p = await ok<SettlePreview>('settle.preview', {
      dispensingId: sale.dispensingId,
      deliveryFeeFen: 800,
    });
    const drug = p.lines.find((l) => l.medListCodg === EMPAGLIFLOZIN);
    expect(drug?.total.fen).toBe(5280);
    expect(drug?.payStandard?.fen).toBe(5280);
    expect(drug?.overLimit.fen).toBe(0);
    expect(drug?.selfPayReasons.map((r) => r.code)).not.toContain('ABOVE_STANDARD');
    const fee = p.lines.find((l) => l.lineNo === null);
    expect(fee).toMatchObject({ name: '配送费', chargeLevel: '03' });
    expect(fee?.fullOwnPay.fen).toBe(800);
    expect(fee?.selfPayReasons[0]).toMatchObject({ code: 'NON_COVERED', ruleId: 'R-NONCOVERED' });
    expect(p.split.fullOwnPay.fen).toBe(800);
    expect(p.split.overLimit.fen).toBe(0);
    // the notice reads as Chinese; its rule travels in selfPayReasons[].ruleId (issue 18)
    expect(p.selfPayNotices.join('')).toContain('不属于医保基金支付范围');
    expect(p.selfPayNotices.join('')).not.toContain('高于医保支付标准');
    expect(p.selfPayNotices.join('')).not.toMatch(/R-[A-Z]/);

    const s = await ok<SettlementView>('settle.confirm', {
      dispensingId: sale.dispensingId,
      previewId: p.previewId,
    });
    expect(s.split?.fullOwnPay.fen).toBe(800);
    const r = await ok<ReceiptView>('receipt.get', {
      settlementId: s.settlementId,
      format: 'thermal80',
    });
    expect(r.lines?.join('\n')).not.toContain('超出部分');
    expect(r.lines?.every((l) => l.length <= 48)).toBe(true);
  });

  it('a 2101 timeout leaves no trace; a 2102 lost before the center is reversed (never arrived) and settles once [R-SETTLE][R-REVERSE]', async () => {
    const sale = await dispensed(zhang, [AMLODIPINE]);
    await fault({ target: '2101', kind: 'timeout', phase: 'before', times: 1 });
    const pre = await api('settle.preview', { dispensingId: sale.dispensingId });
    expect(pre.error?.code).toBe('CENTER_UNREACHABLE');

    await fault({ target: '2102', kind: 'timeout', phase: 'before', times: 1 });
    const s = await settle(sale.dispensingId);
    expect(s.state).toBe('outcome_unknown');
    expect(s.unknown[0]).toMatchObject({ oinfno: '2102', omsgid: s.msgid, result: null });
    const blocked = await api('settle.confirm', { dispensingId: sale.dispensingId });
    expect(blocked.error).toMatchObject({ code: 'CONFLICT', ruleId: 'R-SETTLE' });

    await h.services.worker.sendNow();
    const v = await ok<SettlementView>('settle.get', { settlementId: s.settlementId });
    expect(v).toMatchObject({ state: 'voided', canSettleAgain: true });
    expect(v.unknown[0]?.result?.code).toBe('2');
    expect(await centerSettlements(sale.hiRxno)).toEqual([]);

    const second = await settle(sale.dispensingId);
    expect(second.state).toBe('settled');
    expect(await liveAtCenter(sale.hiRxno)).toHaveLength(1);
  });

  it('a 2102 whose reply is lost after the center settled is undone by 2601, then settled exactly once [R-SETTLE][R-REVERSE]', async () => {
    const sale = await dispensed(zhang, [AMOXICILLIN]);
    await fault({ target: '2102', kind: 'timeout', phase: 'after', times: 1 });
    const s = await settle(sale.dispensingId);
    expect(s.state).toBe('outcome_unknown');
    expect(s.uploads.map((u) => u.infno)).toEqual(['2601']);
    expect(await liveAtCenter(sale.hiRxno)).toHaveLength(1);

    await h.services.worker.sendNow();
    const v = await ok<SettlementView>('settle.get', { settlementId: s.settlementId });
    expect(v.state).toBe('voided');
    expect(v.unknown[0]?.result?.code).toBe('1');
    expect(await liveAtCenter(sale.hiRxno)).toHaveLength(0);

    const second = await settle(sale.dispensingId);
    expect(second.state).toBe('settled');
    const all = await centerSettlements(sale.hiRxno);
    expect(all.map((x) => x.stas).sort()).toEqual(['1', '3']);
  });

  it('a 2601 that times out too is repeated with its msgid until the center confirms [R-REVERSE]', async () => {
    const sale = await dispensed(zhang, [AMOXICILLIN]);
    await fault({ target: '2102', kind: 'timeout', phase: 'after', times: 1 });
    await fault({ target: '2601', kind: 'timeout', phase: 'after', times: 1 });
    const s = await settle(sale.dispensingId);
    await h.services.worker.sendNow();
    const still = await ok<SettlementView>('settle.get', { settlementId: s.settlementId });
    expect(still.state).toBe('outcome_unknown');
    expect(still.unknown[0]?.reversal.attempts).toBe(1);
    expect(await liveAtCenter(sale.hiRxno)).toHaveLength(0);

    const v = await ok<SettlementView>('settle.resolveUnknown', { settlementId: s.settlementId });
    expect(v.state).toBe('voided');
    expect(v.unknown[0]?.result?.code).toBe('1');
    const { reversals } = await center<{ reversals: unknown[] }>(`reversals?omsgid=${s.msgid}`);
    expect(reversals).toHaveLength(1);
    await h.services.worker.sendNow();
    expect((await settle(sale.dispensingId)).state).toBe('settled');
    expect(await liveAtCenter(sale.hiRxno)).toHaveLength(1);
  });

  it('a 7207 whose reply is lost is resent with the same msgid: one sale at the center [R-SALES-UP]', async () => {
    const sale = await dispensed(zhang, [AMLODIPINE]);
    await fault({ target: '7207', kind: 'timeout', phase: 'after', times: 1 });
    const s = await settle(sale.dispensingId);
    await h.services.worker.sendNow();
    const first = await ok<SaleUploadsView>('uploads.forSale', { settlementId: s.settlementId });
    expect(first.uploads.find((u) => u.infno === '7207')?.state).toBe('queued');
    await h.services.worker.sendNow();
    const done = await ok<SaleUploadsView>('uploads.forSale', { settlementId: s.settlementId });
    expect(done.allDelivered).toBe(true);
    const { sales } = await center<{ sales: unknown[] }>(`sales?hi_rxno=${sale.hiRxno}`);
    expect(sales).toHaveLength(1);
    expect(await liveAtCenter(sale.hiRxno)).toHaveLength(1);
  });

  it('a refund reverses 2103, cancels 7207/3505 and restores stock and codes, which can be sold again [R-REVERSE][R-TRACE-ONCE][R-STOCK]', async () => {
    const before = packsOnHand(AMOXICILLIN);
    const sale = await dispensed(li, [{ medListCodg: AMOXICILLIN, packs: 2 }]);
    const s = await settle(sale.dispensingId);
    const early = await api('refund.start', {
      settlementId: s.settlementId,
      reason: '患者要求退药',
    });
    expect(early.error).toMatchObject({ code: 'CONFLICT', ruleId: 'R-SALES-UP' });
    await h.services.worker.sendNow();
    expect(packsOnHand(AMOXICILLIN)).toBe(before - 2);

    const cashier = DEMO_STAFF.find((x) => x.role === 'cashier');
    const cashierLogin = await h.api<{ token: string }>('auth.login', {
      username: cashier?.username,
      password: cashier?.password,
    });
    const byCashier = await h.api(
      'refund.start',
      { settlementId: s.settlementId, reason: '患者要求退药' },
      cashierLogin.value?.token ?? '',
    );
    expect(byCashier.error).toMatchObject({ code: 'FORBIDDEN', ruleId: 'R-REVERSE' });
    // A reason is uploaded with the reversal: a scanned e-voucher token is refused (issue19-5).
    const scanned = await api('refund.start', {
      settlementId: s.settlementId,
      reason: `患者要求退药${li.ecToken}`,
    });
    expect(scanned.error).toMatchObject({ code: 'VALIDATION', ruleId: 'R-REVERSE' });
    expect(scanned.error?.message).not.toContain(li.ecToken);
    expect(packsOnHand(AMOXICILLIN)).toBe(before - 2);

    const r = await ok<SettlementView>('refund.start', {
      settlementId: s.settlementId,
      reason: '患者要求退药',
    });
    expect(r).toMatchObject({ state: 'refunded', canRefund: false });
    expect(r.refund?.state).toBe('refunded');
    expect(packsOnHand(AMOXICILLIN)).toBe(before);
    const returned = h.services.db
      .prepare('SELECT count(*) FROM sold_codes WHERE code IN (?, ?) AND returned_at IS NOT NULL')
      .pluck()
      .get(...sale.codes);
    expect(returned).toBe(2);
    await h.services.worker.sendNow();
    const up = await ok<SaleUploadsView>('uploads.forSale', { settlementId: s.settlementId });
    expect(up.uploads.map((u) => [u.infno, u.state])).toEqual([
      ['7207', 'delivered'],
      ['3505', 'delivered'],
      ['7208', 'delivered'],
      ['3506', 'delivered'],
    ]);
    expect((await centerSettlements(sale.hiRxno)).map((x) => x.stas)).toEqual(['2']);
    const sold = await center<{ sold: boolean }>(`sold-codes?code=${sale.codes[0]}`);
    expect(sold.sold).toBe(false);

    const again = await dispensed(zhang, [{ medListCodg: AMOXICILLIN, packs: 2 }], sale.codes);
    const s2 = await settle(again.dispensingId);
    expect(s2.state).toBe('settled');
    await h.services.worker.sendNow();
    const up2 = await ok<SaleUploadsView>('uploads.forSale', { settlementId: s2.settlementId });
    expect(up2.allDelivered).toBe(true);
  });

  it('a refund whose 2103 reply is lost is reversed by 2601 and the settlement stands [R-REVERSE]', async () => {
    const sale = await dispensed(zhang, [AMLODIPINE]);
    const s = await settle(sale.dispensingId);
    await h.services.worker.sendNow();
    await fault({ target: '2103', kind: 'timeout', phase: 'after', times: 1 });
    const r = await ok<SettlementView>('refund.start', {
      settlementId: s.settlementId,
      reason: '患者要求退药',
    });
    expect(r.state).toBe('refund_unknown');
    await h.services.worker.sendNow();
    const v = await ok<SettlementView>('settle.get', { settlementId: s.settlementId });
    expect(v.state).toBe('settled');
    expect(await liveAtCenter(sale.hiRxno)).toHaveLength(1);
    const done = await ok<SettlementView>('refund.start', {
      settlementId: s.settlementId,
      reason: '患者要求退药',
    });
    expect(done.state).toBe('refunded');
    expect(await liveAtCenter(sale.hiRxno)).toHaveLength(0);
  });

  it('a self-pay sale works offline and its 3505 is delivered later; a sold code is refused [R-STOCK][R-TRACE-ONCE]', async () => {
    const before = packsOnHand(LORATADINE);
    const codes = [codeOf(LORATADINE), codeOf(LORATADINE)];
    await fault({ target: '*', kind: 'http5xx' });
    let sale: SelfPaySaleView;
    try {
      sale = await ok<SelfPaySaleView>('sale.selfPay', {
        items: [{ medListCodg: LORATADINE, codes }],
      });
      expect(sale.total).toEqual({ fen: 2 * 1820, yuan: '36.40' });
      await h.services.worker.sendNow();
      expect(sale.uploads[0]).toMatchObject({ infno: '3505', state: 'queued' });
    } finally {
      await h.clearFaults();
    }
    expect(packsOnHand(LORATADINE)).toBe(before - 2);
    await h.services.worker.sendNow();
    const up = await ok<SaleUploadsView>('uploads.forSale', { saleId: sale.saleId });
    expect(up.allDelivered).toBe(true);
    const sold = await center<{ sales: Array<{ source: string }> }>(`sold-codes?code=${codes[0]}`);
    expect(sold.sales.map((x) => x.source)).toEqual(['3505']);
    const receipt = await ok<ReceiptView>('receipt.get', {
      saleId: sale.saleId,
      format: 'thermal58',
    });
    expect(receipt.lines?.join('\n')).toContain(codes[1]);
    const twice = await api('sale.selfPay', {
      items: [{ medListCodg: LORATADINE, codes: [codes[0]] }],
    });
    expect(twice.error).toMatchObject({ code: 'POLICY', ruleId: 'R-TRACE-ONCE' });
  });

  it('a self-pay sale refuses a GS1 pack whose (17) 991231 expired in 1999, naming the supply rule, storing nothing [R-TRACE][R-SUPPLY]', async () => {
    const before = packsOnHand(LORATADINE);
    const code = `(01)06906500066284(17)991231(10)OLD(21)LORA${Date.now()}`;
    const sales = () => h.services.db.prepare('SELECT count(*) AS n FROM self_pay_sales').get();
    const salesBefore = sales();
    const r = await api('sale.selfPay', { items: [{ medListCodg: LORATADINE, codes: [code] }] });
    expect(r.error).toMatchObject({ code: 'POLICY', ruleId: 'R-SUPPLY' });
    expect(r.error?.message).toContain('1999-12-31');
    expect(packsOnHand(LORATADINE)).toBe(before);
    expect(sales()).toEqual(salesBefore);
    const logged = h.services.db
      .prepare("SELECT reason, rule_id FROM scan_refusals WHERE channel = 'self_pay' AND code = ?")
      .all(code);
    expect(logged).toEqual([{ reason: 'EXPIRED', rule_id: 'R-SUPPLY' }]);
  });
});
