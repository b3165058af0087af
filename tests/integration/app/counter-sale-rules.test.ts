import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateTime } from '../../../src/center/clock';
import { FsiClient } from '../../../src/center/fsi-client';
import type {
  DispensingView,
  ScanVerdict,
  StockItemView,
} from '../../../src/contract/types-dispense';
import type { PaperView } from '../../../src/contract/types-paper';
import type {
  SelfPaySaleView,
  SettlementView,
  SettlePreview,
} from '../../../src/contract/types-settlement';
import { paperRxno } from '../../../src/domain/paper/paper-rxno';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { CenterRefusedCodeRepository } from '../../../src/store/center-refused-code-repository';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { reviewedRx } from '../../support/dispensed-rx';
import { fakePng, paperFields } from '../../support/paper-fixtures';
import { signedInOnDuty } from '../../support/settled-sale';
import { CONFIG, OPTER, PHARMACY } from '../sandbox/helpers';

/** config/catalog/drugs.json: code, 7-digit trace product id (first digit 8) or GTIN. */
const AMOXICILLIN = { code: 'XJ01CAA040A001010100435', product: '8010371' };
const LENALIDOMIDE = { code: 'XL04AXL080A001010100371', product: '8114071' };
const INSULIN_ASPART = { code: 'XA10ABD050B002010184032', product: '8134811' };
const DIAZEPAM = { code: 'XN05BAD010A001010101086', product: '8165921' };
/** 乙类非处方药 */
const LORATADINE = { code: 'XR06AXL020A001010101672', product: '8062221' };
/** 甲类非处方药 */
const COLD_TABLETS = { code: 'XN02BEA090A001010100783', product: '8213771' };
/** 非药品: packs carry a GS1 UDI (GTIN + serial), no drug trace code. */
const MASK = { code: 'SP-MASK-0001', gtin14: '06922500223014' };

const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const [zhang] = DEMO_PATIENTS;
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !zhang || !ownVoucher) throw new Error('demo data missing');

let serial = Date.now() % 1_000_000_000;
const codeOf = (d: { product: string }) => `${d.product}${String(serial++).padStart(13, '0')}`;
const udiOf = (d: { gtin14: string }) => `(01)${d.gtin14}(21)UDI${serial++}`;

interface RxLine {
  rx_flag: string;
  med_list_codg: string;
}

describe('no unlawful counter sale: prescription class and one sold-code registry, over HTTP', () => {
  let h: Harness;
  let token: string;

  const api = <T>(method: string, input: unknown) => h.api<T>(method, input, token);
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await api<T>(method, input);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  const count = (table: string) =>
    h.services.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const packsOnHand = (medListCodg: string) =>
    h.services.db
      .prepare('SELECT sum(packs_on_hand) FROM stock_batches WHERE med_list_codg = ?')
      .pluck()
      .get(medListCodg) as number;
  /** The frozen request body of the latest outbox item of an infno. */
  const lastBody = (infno: string) =>
    JSON.parse(
      h.services.db
        .prepare('SELECT body FROM outbox WHERE infno = ? ORDER BY id DESC LIMIT 1')
        .pluck()
        .get(infno) as string,
    ) as { input: Record<string, unknown> };
  const outbox = (msgid: string) =>
    h.services.db.prepare('SELECT status, last_error FROM outbox WHERE msgid = ?').get(msgid) as {
      status: string;
      last_error: string | null;
    };

  /** Download → review (7206 delivered) → start dispensing; returns the open dispensing. */
  const openDispensing = async (drugs: string[]) => {
    const hiRxno = await reviewedRx(h, ok, { patient: zhang, drugs }, ownVoucher);
    const d = await ok<DispensingView>('dispense.start', { hiRxno });
    return { hiRxno, dispensingId: d.dispensingId };
  };
  const scan = (dispensingId: number, code: string) =>
    ok<ScanVerdict>('dispense.scan', { dispensingId, code });
  /** One pack per drug scanned with the given codes, completed and settled. */
  const settledSale = async (lines: Array<[string, string]>) => {
    const d = await openDispensing(lines.map(([drug]) => drug));
    for (const [, code] of lines)
      expect((await scan(d.dispensingId, code)).verdict).toBe('accepted');
    await ok('dispense.complete', { dispensingId: d.dispensingId });
    const p = await ok<SettlePreview>('settle.preview', { dispensingId: d.dispensingId });
    const s = await ok<SettlementView>('settle.confirm', {
      dispensingId: d.dispensingId,
      previewId: p.previewId,
    });
    return { ...d, settlement: s };
  };

  beforeAll(async () => {
    h = await startHarness();
    await h.services.worker.stop();
    token = await signedInOnDuty(h, pharmacist);
  });
  afterAll(async () => {
    await h.close();
  });

  describe('only OTC and non-drug goods without a prescription', () => {
    it('refuses amoxicillin, lenalidomide, insulin and diazepam as cash goods, citing both documents, and stores nothing [R-GSP-RX]', async () => {
      const before = { sales: count('self_pay_sales'), outbox: count('outbox') };
      for (const drug of [AMOXICILLIN, LENALIDOMIDE, INSULIN_ASPART, DIAZEPAM]) {
        const stock = packsOnHand(drug.code);
        const r = await api('sale.selfPay', {
          items: [{ medListCodg: drug.code, codes: [codeOf(drug)] }],
        });
        expect(r.error, drug.code).toMatchObject({ code: 'POLICY', ruleId: 'R-GSP-RX' });
        expect(r.error?.message).toContain('处方药');
        expect(r.error?.citation).toContain('东医保〔2024〕41号 §三(四)');
        expect(r.error?.citation).toContain('渝医保办〔2023〕70号 §三(二)5');
        expect(packsOnHand(drug.code)).toBe(stock);
      }
      expect(count('self_pay_sales')).toBe(before.sales);
      expect(count('outbox')).toBe(before.outbox);
      expect(count('sold_codes WHERE self_pay_sale_id IS NOT NULL')).toBe(0);
    });

    it('lists only OTC and non-drug goods as sellable without a prescription [R-GSP-RX]', async () => {
      const items = await ok<StockItemView[]>('stock.list', {});
      const sellable = (code: string) => items.find((i) => i.medListCodg === code);
      expect(sellable(AMOXICILLIN.code)).toMatchObject({
        sellableWithoutPrescription: false,
        rxClassName: '处方药',
      });
      expect(sellable(COLD_TABLETS.code)).toMatchObject({
        sellableWithoutPrescription: true,
        rxClassName: '甲类非处方药',
      });
      expect(sellable(LORATADINE.code)?.rxClassName).toBe('乙类非处方药');
      expect(sellable(MASK.code)?.rxClassName).toBe('非药品');
    });

    it('sells 甲类 and 乙类 OTC and a non-drug good for cash, the 3505 saying rx_flag 0 [R-GSP-RX][R-STOCK]', async () => {
      const sale = await ok<SelfPaySaleView>('sale.selfPay', {
        items: [
          { medListCodg: COLD_TABLETS.code, codes: [codeOf(COLD_TABLETS)] },
          { medListCodg: LORATADINE.code, codes: [codeOf(LORATADINE)] },
          { medListCodg: MASK.code, codes: [udiOf(MASK)] },
        ],
      });
      expect(sale.total.fen).toBe(1580 + 1820 + 990);
      const lines = lastBody('3505').input.selinfo as RxLine[];
      expect(lines.map((l) => [l.med_list_codg, l.rx_flag])).toEqual([
        [COLD_TABLETS.code, '0'],
        [LORATADINE.code, '0'],
        [MASK.code, '0'],
      ]);
    });

    it('a prescription sale uploads each drug’s true flag: 1 for a 处方药, 0 for an OTC drug on the same prescription [R-GSP-RX][R-SALES-UP]', async () => {
      await settledSale([
        [AMOXICILLIN.code, codeOf(AMOXICILLIN)],
        [LORATADINE.code, codeOf(LORATADINE)],
      ]);
      for (const infno of ['7207', '3505']) {
        const lines = lastBody(infno).input.selinfo as RxLine[];
        const flags = Object.fromEntries(lines.map((l) => [l.med_list_codg, l.rx_flag]));
        expect(flags, infno).toEqual({ [AMOXICILLIN.code]: '1', [LORATADINE.code]: '0' });
      }
    });

    it('the stocktake (3501) carries each drug’s flag from the catalog [R-GSP-RX][R-STOCK]', async () => {
      await ok('stock.stocktake', {});
      const lines = lastBody('3501').input.invinfo as RxLine[];
      const flagOf = (code: string) => lines.find((l) => l.med_list_codg === code)?.rx_flag;
      expect(flagOf(AMOXICILLIN.code)).toBe('1');
      expect(flagOf(LORATADINE.code)).toBe('0');
      expect(flagOf(MASK.code)).toBe('0');
    });
  });

  describe('one sold-code registry across insured, paper and cash sales', () => {
    it('a code sold for cash is refused at scan on an insured prescription, showing the cash sale [R-TRACE-ONCE]', async () => {
      const code = codeOf(LORATADINE);
      const sale = await ok<SelfPaySaleView>('sale.selfPay', {
        items: [{ medListCodg: LORATADINE.code, codes: [code] }],
      });
      const d = await openDispensing([LORATADINE.code]);
      const v = await scan(d.dispensingId, code);
      expect(v).toMatchObject({
        verdict: 'refused',
        reason: 'ALREADY_SOLD',
        ruleId: 'R-TRACE-ONCE',
      });
      if (v.verdict !== 'refused') throw new Error('accepted');
      expect(v.earlierSale).toMatchObject({
        channel: 'selfPay',
        selfPaySaleId: sale.saleId,
        saleRef: `自费零售单 Z${sale.saleId}`,
        hiRxno: null,
      });
      await ok('dispense.cancel', { dispensingId: d.dispensingId });
    });

    it('a code sold on an insured prescription is refused in a cash sale, naming the earlier prescription [R-TRACE-ONCE]', async () => {
      const code = codeOf(LORATADINE);
      const sold = await settledSale([[LORATADINE.code, code]]);
      const before = count('self_pay_sales');
      const r = await api('sale.selfPay', {
        items: [{ medListCodg: LORATADINE.code, codes: [code] }],
      });
      expect(r.error).toMatchObject({ code: 'POLICY', ruleId: 'R-TRACE-ONCE' });
      expect(r.error?.message).toContain(sold.hiRxno);
      expect(r.error?.message).not.toContain(zhang.certno);
      expect(count('self_pay_sales')).toBe(before);
    });

    it('the same holds on a paper prescription: a cash-sold code is refused at scan, and a paper-dispensed code is refused for cash [R-TRACE-ONCE]', async () => {
      const cashCode = codeOf(LORATADINE);
      const cash = await ok<SelfPaySaleView>('sale.selfPay', {
        items: [{ medListCodg: LORATADINE.code, codes: [cashCode] }],
      });
      const paper = await ok<PaperView>('paper.capture', {
        ...paperFields({
          patientName: zhang.name,
          patientCertno: zhang.certno,
          lines: [{ medListCodg: LORATADINE.code, quantity: 1, days: 6 }],
        }),
        imageBase64: fakePng().toString('base64'),
      });
      const d = await ok<DispensingView>('dispense.startPaper', { paperId: paper.id });
      const refused = await scan(d.dispensingId, cashCode);
      expect(refused).toMatchObject({
        verdict: 'refused',
        reason: 'ALREADY_SOLD',
        earlierSale: { channel: 'selfPay', selfPaySaleId: cash.saleId },
      });
      const paperCode = codeOf(LORATADINE);
      expect((await scan(d.dispensingId, paperCode)).verdict).toBe('accepted');
      await ok('dispense.complete', { dispensingId: d.dispensingId });
      const again = await api('sale.selfPay', {
        items: [{ medListCodg: LORATADINE.code, codes: [paperCode] }],
      });
      expect(again.error).toMatchObject({ code: 'POLICY', ruleId: 'R-TRACE-ONCE' });
      expect(again.error?.message).toContain(paperRxno(paper.institutionCode, paper.serialNo));
    });

    it('the database itself refuses a second live sale of a pack, whatever the path [R-TRACE-ONCE]', async () => {
      const code = codeOf(LORATADINE);
      const cash = await ok<SelfPaySaleView>('sale.selfPay', {
        items: [{ medListCodg: LORATADINE.code, codes: [code] }],
      });
      const { dispensingId } = await openDispensing([LORATADINE.code]);
      const db = h.services.db;
      expect(() =>
        db
          .prepare(
            `INSERT INTO sold_codes (code, med_list_codg, dispensing_id, sold_at, last_dispensing_id, last_used_at)
             VALUES (?, ?, ?, 1, ?, 1)`,
          )
          .run(code, LORATADINE.code, dispensingId, dispensingId),
      ).toThrow(/UNIQUE constraint failed: sold_codes\.code/);
      expect(() =>
        db
          .prepare(
            `UPDATE sold_codes SET self_pay_sale_id = NULL, dispensing_id = ?, last_dispensing_id = ?
             WHERE code = ?`,
          )
          .run(dispensingId, dispensingId, code),
      ).toThrow(/R-TRACE-ONCE/);
      expect(
        db.prepare('SELECT self_pay_sale_id FROM sold_codes WHERE code = ?').pluck().get(code),
      ).toBe(cash.saleId);
      await ok('dispense.cancel', { dispensingId });
    });

    it('a code the center refuses as sold elsewhere after it was scanned stops the completion, nothing taken from stock [R-TRACE-ONCE]', async () => {
      const code = codeOf(LORATADINE);
      const d = await openDispensing([LORATADINE.code]);
      expect((await scan(d.dispensingId, code)).verdict).toBe('accepted');
      const centerMessage = `药品追溯码 ${code} 已有销售记录，同一追溯码不能重复销售`;
      new CenterRefusedCodeRepository(h.services.db).record({
        code,
        centerMessage,
        infno: '7207',
        msgid: 'M-LATE-REFUSAL',
        refusedAt: Date.now(),
      });
      const r = await api('dispense.complete', { dispensingId: d.dispensingId });
      expect(r.error).toMatchObject({ code: 'POLICY', ruleId: 'R-TRACE-ONCE' });
      expect(r.error?.message).toContain(centerMessage);
      const after = await ok<DispensingView>('dispense.get', { dispensingId: d.dispensingId });
      expect(after.state).toBe('open');
      const sold = h.services.db
        .prepare('SELECT count(*) FROM sold_codes WHERE code = ?')
        .pluck()
        .get(code);
      expect(sold).toBe(0);
      await ok('dispense.cancel', { dispensingId: d.dispensingId });
    });

    it('a returned (refunded) code sells again [R-TRACE-ONCE][R-REVERSE]', async () => {
      const code = codeOf(LORATADINE);
      const sold = await settledSale([[LORATADINE.code, code]]);
      await h.services.worker.sendNow();
      const refunded = await ok<SettlementView>('refund.start', {
        settlementId: sold.settlement.settlementId,
        reason: '患者要求退药',
      });
      expect(refunded.state).toBe('refunded');
      const again = await ok<SelfPaySaleView>('sale.selfPay', {
        items: [{ medListCodg: LORATADINE.code, codes: [code] }],
      });
      expect(again.saleId).toBeGreaterThan(0);
    });

    it('a code the center refused as sold elsewhere is remembered with the center’s words and refused at the next scan on every path [R-TRACE-ONCE]', async () => {
      const code = codeOf(LORATADINE);
      await soldElsewhere(code);

      const sold = await settledSale([[LORATADINE.code, code]]);
      await h.services.worker.sendNow();
      const [m7207] = sold.settlement.uploads.map((u) => u.msgid);
      const refused = outbox(m7207 ?? '');
      expect(refused.status).toBe('parked');
      expect(refused.last_error).toContain('已有销售记录');
      const remembered = h.services.db
        .prepare('SELECT center_message, infno, msgid FROM center_refused_codes WHERE code = ?')
        .get(code) as { center_message: string; infno: string; msgid: string };
      expect(remembered).toMatchObject({ infno: '7207', msgid: m7207 });
      expect(remembered.center_message).toMatch(
        new RegExp(`^药品追溯码 ${code} 已有销售记录（商品销售`),
      );

      const d = await openDispensing([LORATADINE.code]);
      const v = await scan(d.dispensingId, code);
      expect(v).toMatchObject({
        verdict: 'refused',
        reason: 'CENTER_REFUSED',
        ruleId: 'R-TRACE-ONCE',
      });
      expect(v.message).toContain(remembered.center_message);
      await ok('dispense.cancel', { dispensingId: d.dispensingId });

      const cash = await api('sale.selfPay', {
        items: [{ medListCodg: LORATADINE.code, codes: [code] }],
      });
      expect(cash.error).toMatchObject({ code: 'POLICY', ruleId: 'R-TRACE-ONCE' });
      expect(cash.error?.message).toContain(remembered.center_message);
    });
  });

  /** Another counter's cash sale of the code, straight to the center (3505): unknown to us. */
  async function soldElsewhere(code: string): Promise<void> {
    const fsi = new FsiClient({
      baseUrl: h.sandboxUrl,
      path: CONFIG.fsi.path,
      paasid: CONFIG.fsi.paasid,
      paasToken: CONFIG.fsi.paasToken,
      fixmedinsCode: PHARMACY.fixmedinsCode,
      fixmedinsName: PHARMACY.fixmedinsName,
      mdtrtareaAdmvs: PHARMACY.admdvs,
      devNo: 'OTHER-COUNTER',
      timeoutMs: 2_000,
    });
    const signIn = await fsi.call({
      ...OPTER,
      infno: '9001',
      input: { signIn: { opter_no: OPTER.opter, mac: '', ip: '127.0.0.1' } },
    });
    const signNo = (signIn.output as { signinoutb?: { sign_no?: string } }).signinoutb?.sign_no;
    const sale = await fsi.call({
      ...OPTER,
      infno: '3505',
      signNo: signNo ?? '',
      input: {
        selinfo: [
          {
            med_list_codg: LORATADINE.code,
            fixmedins_hilist_id: LORATADINE.code,
            fixmedins_hilist_name: '氯雷他定片',
            fixmedins_bchno: 'ELSEWHERE-B1',
            rx_flag: '0',
            trdn_flag: '0',
            finl_trns_pric: 18.2,
            sel_retn_cnt: 1,
            sel_retn_time: dateTime(new Date()),
            rtal_docno: 'ELSEWHERE-1',
            mdtrt_sn: 'ELSEWHERE-1',
            mdtrt_setl_type: '2',
            drugtracinfo: [{ drug_trac_codg: code }],
          },
        ],
      },
    });
    expect(sale.infcode, sale.err_msg).toBe(0);
    // This stand-in for another counter of the same institution has its own msgid generator, as
    // two counters do without a store's slots (D51): the counter's next calls must come from a
    // later second, or one may draw a msgid this client used and the center refuses it.
    await new Promise((resolve) => setTimeout(resolve, 1_000 - (Date.now() % 1_000) + 5));
  }
});
