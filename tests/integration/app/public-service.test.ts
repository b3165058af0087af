import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateOnly } from '../../../src/center/clock';
import { sm3Hex } from '../../../src/center/crypto';
import type { AuditListView } from '../../../src/contract/types-audit';
import type { DeliveryOrderView } from '../../../src/contract/types-delivery';
import type { GuidanceView, StockItemView } from '../../../src/contract/types-dispense';
import type { PublicPriceList, StockAvailability } from '../../../src/contract/types-public';
import type { ReportExportResult } from '../../../src/contract/types-reports';
import type {
  ElectronicReceiptView,
  ReceiptView,
  SettlementView,
  SettlePreview,
} from '../../../src/contract/types-settlement';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { loadCatalog } from '../../../src/services/catalog-loader';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import { dispensedRx } from '../../support/dispensed-rx';
import { pdfTextLines } from '../../support/pdf-text';

const AMOXICILLIN = 'XJ01CAA040A001010100435';
const MORPHINE = 'XN02AAM020A001010100521';
const HOSPITAL_PREPARATION = 'ZZ50010300001A00101';
const MASK = 'SP-MASK-0001';
const INSULIN_ASPART = 'XA10ABD050B002010184032';
const PRODUCT: Record<string, string> = { [AMOXICILLIN]: '8010371', [INSULIN_ASPART]: '8134811' };
const ADDRESS = '重庆市渝中区解放碑街道民族路188号3栋2单元';
const PHONE = '13812345678';
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const [zhang] = DEMO_PATIENTS;
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !zhang || !ownVoucher) throw new Error('demo data missing');
let serial = 880_000;
const codeOf = (medListCodg: string) =>
  `${PRODUCT[medListCodg]}${String(serial++).padStart(13, '0')}`;

describe('guidance, public lists, receipts and delivery over HTTP', () => {
  let h: Harness;
  let token: string;
  const ok = async <T>(method: string, input: unknown, as = token): Promise<T> => {
    const r = await h.api<T>(method, input, as);
    expect(r.ok, `${method}: ${r.error?.message}`).toBe(true);
    return r.value as T;
  };
  const login = async (username: string, password: string) =>
    (await h.api<{ token: string }>('auth.login', { username, password })).value?.token ?? '';

  /** An amoxicillin prescription with a physician's instruction, dispensed and settled. */
  const settledWithInstruction = async (
    instruction: string,
    receiptChoice?: 'paper' | 'electronic' | 'both',
    drug = AMOXICILLIN,
  ) => {
    const d = await dispensedRx(h, ok, {
      patient: zhang,
      drugs: [{ medListCodg: drug, instruction }],
      ownVoucher,
      codeOf,
    });
    const p = await ok<SettlePreview>('settle.preview', { dispensingId: d.dispensingId });
    const s = await ok<SettlementView>('settle.confirm', {
      dispensingId: d.dispensingId,
      previewId: p.previewId,
      ...(receiptChoice ? { receiptChoice } : {}),
    });
    await h.services.worker.sendNow();
    return { ...d, settlement: s };
  };

  beforeAll(async () => {
    h = await startHarness();
    await h.services.worker.stop();
    token = await login(pharmacist.username, pharmacist.password);
    await ok('shift.open', {});
  });
  afterAll(async () => {
    await h?.close();
  });

  it('prints the catalogue contraindications, cautions and the physician’s instruction with the sale [R-GUIDE][ST-EPC-02-012]', async () => {
    const instruction = '饭后半小时服用，连续腹泻须复诊';
    const sale = await settledWithInstruction(instruction);

    const g = await ok<GuidanceView>('guidance.forPrescription', { hiRxno: sale.hiRxno });
    expect(g.lines[0]).toMatchObject({
      contraindications: ['对青霉素类药物过敏者禁用'],
      instruction,
    });
    expect(g.lines[0]?.cautions[0]).toContain('青霉素过敏史');

    const a4 = await ok<ReceiptView>('receipt.get', {
      settlementId: sale.settlement.settlementId,
      format: 'a4',
    });
    const pdf = (await pdfTextLines(Buffer.from(a4.pdfBase64 ?? '', 'base64')))?.join('') ?? '';
    expect(pdf).toContain('用药指导');
    expect(pdf).toContain('【禁忌】对青霉素类药物过敏者禁用');
    expect(pdf).toContain('【注意事项】用药前须确认无青霉素过敏史');
    expect(pdf).toContain(`【医嘱说明】${instruction}`);
    expect(pdf).not.toContain('R-GUIDE');

    const thermal = await ok<ReceiptView>('receipt.get', {
      settlementId: sale.settlement.settlementId,
      format: 'thermal80',
    });
    expect(thermal.lines?.join('')).toContain('【禁忌】对青霉素类药物过敏者禁用');
    expect(sale.settlement.electronicReceipt?.patientChoice).toBe('paper');
  });

  it('stores an electronic receipt with every settlement, records the patient’s choice and exports it as issued [R-EINVOICE][R-SETTLE]', async () => {
    const sale = await settledWithInstruction('按时服用', 'electronic');
    const e = sale.settlement.electronicReceipt;
    expect(e).toMatchObject({ patientChoice: 'electronic', choiceLabel: '电子票据' });
    expect(e?.receiptNo).toMatch(/^DZ/);

    const exported = await ok<ReportExportResult>('einvoice.export', {
      settlementId: sale.settlement.settlementId,
    });
    const pdf = Buffer.from(exported.base64, 'base64');
    expect(exported.sm3).toBe(e?.sm3);
    expect(sm3Hex(pdf)).toBe(e?.sm3);
    const text = (await pdfTextLines(pdf))?.join('') ?? '';
    expect(text).toContain('医保结算电子票据');
    expect(text).toContain(e?.receiptNo ?? '?');
    expect(text).toContain(sale.settlement.setlId ?? '?');
    expect(text).not.toContain(zhang.certno);

    const today = dateOnly(new Date());
    const listed = await ok<ElectronicReceiptView[]>('einvoice.list', { from: today, to: today });
    expect(listed.map((r) => r.settlementId)).toContain(sale.settlement.settlementId);
    const both = await settledWithInstruction('按时服用', 'both');
    expect(both.settlement.electronicReceipt?.choiceLabel).toBe('纸质和电子票据');

    const db = h.services.db;
    const sid = sale.settlement.settlementId;
    expect(() =>
      db
        .prepare("UPDATE electronic_receipts SET patient_choice = 'paper' WHERE settlement_id = ?")
        .run(sid),
    ).toThrow(/不可修改/);
    expect(() =>
      db.prepare('DELETE FROM electronic_receipts WHERE settlement_id = ?').run(sid),
    ).toThrow(/不可删除/);
  });

  it('a refund issues the 红字 counterpart of the electronic receipt in its own transaction, exportable alongside the original [R-EINVOICE][R-REVERSE]', async () => {
    const sale = await settledWithInstruction('饭后服用', 'electronic');
    const sid = sale.settlement.settlementId;
    const original = sale.settlement.electronicReceipt;
    expect(original?.reversal).toBeNull();
    const early = await h.api('einvoice.export', { settlementId: sid, kind: 'reversal' }, token);
    expect(early.error).toMatchObject({ code: 'NOT_FOUND', ruleId: 'R-EINVOICE' });
    expect(() =>
      h.services.db
        .prepare(
          `INSERT INTO electronic_receipt_reversals (settlement_id, receipt_no, pdf, sm3, issued_at)
           VALUES (?, 'HZX', x'00', ?, 0)`,
        )
        .run(sid, '0'.repeat(64)),
    ).toThrow(/已退费/);

    const refunded = await ok<SettlementView>('refund.start', {
      settlementId: sid,
      reason: '患者要求退药',
    });
    expect(refunded.state).toBe('refunded');
    const red = refunded.electronicReceipt?.reversal;
    expect(red?.receiptNo).toBe(original?.receiptNo.replace(/^DZ/, 'HZ'));

    const exported = await ok<ReportExportResult>('einvoice.export', {
      settlementId: sid,
      kind: 'reversal',
    });
    const pdf = Buffer.from(exported.base64, 'base64');
    expect(exported.fileName).toContain('红字电子票据');
    expect(sm3Hex(pdf)).toBe(red?.sm3);
    const text = (await pdfTextLines(pdf))?.join('') ?? '';
    expect(text).toContain('医保结算电子票据（红字）');
    expect(text).toContain(red?.receiptNo ?? '?');
    expect(text).toContain(original?.receiptNo ?? '?');
    expect(text).toContain(`-${refunded.split?.total.yuan}`);
    expect(text).not.toContain(zhang.certno);
    // The original stays exportable, unchanged.
    const first = await ok<ReportExportResult>('einvoice.export', { settlementId: sid });
    expect(first.sm3).toBe(original?.sm3);

    expect(() =>
      h.services.db
        .prepare('DELETE FROM electronic_receipt_reversals WHERE settlement_id = ?')
        .run(sid),
    ).toThrow(/不可删除/);
  });

  it('posts the current prices of flowed drugs on an A4 sheet with the pharmacy and the date, and as CSV [R-PRICE-PUB][ST-EPC-02-004]', async () => {
    const today = dateOnly(new Date());
    const list = await ok<PublicPriceList>('public.priceList', {});
    expect(list.pharmacyName).toBe(h.services.config.pharmacy.name);
    expect(list.date).toBe(today);
    const codes = list.rows.map((r) => r.medListCodg);
    const catalog = loadCatalog();
    for (const r of list.rows) expect(r.priceFen).toBe(catalog.get(r.medListCodg)?.priceFen);
    expect(codes).toContain(AMOXICILLIN);
    expect(codes).not.toContain(MORPHINE);
    expect(codes).not.toContain(HOSPITAL_PREPARATION);
    expect(codes).not.toContain(MASK);

    const pdf = await ok<ReportExportResult>('public.export', {
      report: 'public-prices',
      format: 'pdf',
    });
    const bytes = Buffer.from(pdf.base64, 'base64');
    expect(bytes.toString('latin1')).toContain('/MediaBox [0 0 595 842]');
    const text = (await pdfTextLines(bytes))?.join('\n') ?? '';
    expect(text).toContain('处方流转药品价格公示');
    expect(text).toContain(list.pharmacyName);
    expect(text).toContain(`公示日期：${today}`);
    expect(text).toMatch(/阿莫西林胶囊.*0\.25g\*24粒.*盒.*12\.80/);
    expect(text).not.toContain('硫酸吗啡');

    const csv = await ok<ReportExportResult>('public.export', {
      report: 'public-prices',
      format: 'csv',
    });
    const records = Buffer.from(csv.base64, 'base64').toString('utf8').split('\r\n');
    expect(records).toContain(`公示日期,${today}`);
    expect(records.some((r) => r.startsWith(`${AMOXICILLIN},阿莫西林胶囊,`))).toBe(true);
    expect(records.filter((r) => r.startsWith('X') || r.startsWith('Z'))).toHaveLength(
      list.rows.length,
    );
  });

  it('gives the public channels each flowed drug’s usable packs, with no batch or personal data [ST-EPC-02-004][R-PRICE-PUB]', async () => {
    const before = await ok<StockAvailability>('public.stockAvailability', {});
    const stock = await ok<StockItemView[]>('stock.list', {});
    for (const r of before.rows) {
      expect(Object.keys(r).sort()).toEqual([
        'availablePacks',
        'genname',
        'medListCodg',
        'packUnit',
        'spec',
      ]);
      const item = stock.find((s) => s.medListCodg === r.medListCodg);
      expect(r.availablePacks).toBe(item?.packsAvailable ?? 0);
    }
    const amoxBefore = before.rows.find((r) => r.medListCodg === AMOXICILLIN)?.availablePacks ?? 0;
    expect(amoxBefore).toBeGreaterThan(0);
    await settledWithInstruction('按时服用');
    const after = await ok<StockAvailability>('public.stockAvailability', {});
    expect(after.rows.find((r) => r.medListCodg === AMOXICILLIN)?.availablePacks).toBe(
      amoxBefore - 1,
    );

    const json = await ok<ReportExportResult>('public.export', {
      report: 'stock-availability',
      format: 'json',
    });
    const exported = JSON.parse(Buffer.from(json.base64, 'base64').toString('utf8'));
    expect(exported.rows).toEqual(after.rows);
    const csv = Buffer.from(
      (
        await ok<ReportExportResult>('public.export', {
          report: 'stock-availability',
          format: 'csv',
        })
      ).base64,
      'base64',
    ).toString('utf8');
    expect(csv).toContain(`${AMOXICILLIN},阿莫西林胶囊,0.25g*24粒,盒,${amoxBefore - 1}`);
    expect(csv).not.toMatch(/批号|有效期|张/);
    expect(csv).not.toContain(zhang.certno);
  });

  const order = (settlementId: number, extra: Record<string, unknown> = {}) => ({
    settlementId,
    recipientName: zhang.name,
    recipientPhone: PHONE,
    address: ADDRESS,
    courier: '同城药品配送',
    feeFen: 800,
    coldChain: false,
    ...extra,
  });

  it('records a delivery of a settled prescription: masked in lists, handed over, signed for after an identity check, audited and exported [R-DELIVERY][R-DELIVERY-REC][ST-EPC-02-011]', async () => {
    const sale = await settledWithInstruction('按时服用');
    const sid = sale.settlement.settlementId;
    const created = await ok<DeliveryOrderView>('delivery.create', order(sid));
    expect(created).toMatchObject({ state: 'ordered', masked: true, feeYuan: '8.00' });
    expect(created.address).not.toContain('民族路188号');
    expect(created.recipientPhone).toBe('138****5678');
    expect(created.recipientName).not.toBe(zhang.name);
    const slip = await ok<DeliveryOrderView>('delivery.get', {
      orderId: created.orderId,
      full: true,
    });
    expect(slip.address).toBe(ADDRESS);

    const early = await h.api(
      'delivery.confirmReceipt',
      {
        orderId: created.orderId,
        receiverName: zhang.name,
        identityChecked: true,
      },
      token,
    );
    expect(early.ok).toBe(false);
    await ok('delivery.handOver', { orderId: created.orderId });
    const unchecked = await h.api(
      'delivery.confirmReceipt',
      {
        orderId: created.orderId,
        receiverName: zhang.name,
        identityChecked: false,
      },
      token,
    );
    expect(unchecked.error).toMatchObject({ code: 'POLICY', ruleId: 'R-DELIVERY' });
    expect(unchecked.error?.message).toContain('核对其身份');
    expect(unchecked.error?.citation).toMatch(/渝医保办〔2023〕70号/);
    const still = await ok<DeliveryOrderView>('delivery.get', { orderId: created.orderId });
    expect(still.state).toBe('handed_over');
    const done = await ok<DeliveryOrderView>('delivery.confirmReceipt', {
      orderId: created.orderId,
      receiverName: zhang.name,
      identityChecked: true,
    });
    expect(done.state).toBe('received');
    expect(done.receivedAt && done.handedOverAt && done.receivedAt >= done.handedOverAt).toBe(true);

    const today = dateOnly(new Date());
    const listed = await ok<DeliveryOrderView[]>('delivery.list', { from: today, to: today });
    expect(listed.find((o) => o.orderId === created.orderId)?.masked).toBe(true);
    const trail = await ok<AuditListView>('audit.list', { from: today, to: today, pageSize: 200 });
    const actions = trail.entries.map((e) => e.action);
    for (const a of ['delivery.create', 'delivery.handover', 'delivery.receive']) {
      expect(actions).toContain(a);
    }
    expect(JSON.stringify(trail.entries)).not.toContain('民族路');
    expect(JSON.stringify(trail.entries)).not.toContain(PHONE);

    const csv = Buffer.from(
      (await ok<ReportExportResult>('delivery.export', { from: today, to: today })).base64,
      'base64',
    ).toString('utf8');
    expect(csv).toContain(`${created.orderId},${sale.hiRxno},已签收,`);
    expect(csv).toContain('8.00');
    expect(csv).not.toContain('民族路188号');
    expect(csv).not.toContain(PHONE);

    const db = h.services.db;
    expect(() =>
      db.prepare("UPDATE delivery_orders SET address = '别处' WHERE id = ?").run(created.orderId),
    ).toThrow(/不可修改/);
    expect(() =>
      db.prepare('DELETE FROM delivery_orders WHERE id = ?').run(created.orderId),
    ).toThrow(/不可删除/);
  });

  it('refuses a cold-chain drug outside a cold-chain delivery with its storage record, and an unsettled prescription, storing nothing [R-DELIVERY]', async () => {
    const sale = await settledWithInstruction('注射后10分钟内进餐', undefined, INSULIN_ASPART);
    const sid = sale.settlement.settlementId;
    const warm = await h.api('delivery.create', order(sid), token);
    expect(warm.error).toMatchObject({ code: 'POLICY', ruleId: 'R-DELIVERY' });
    expect(warm.error?.message).toContain('门冬胰岛素注射液');
    const unrecorded = await h.api('delivery.create', order(sid, { coldChain: true }), token);
    expect(unrecorded.error).toMatchObject({ code: 'POLICY', ruleId: 'R-DELIVERY' });
    const count = () =>
      h.services.db
        .prepare('SELECT count(*) FROM delivery_orders WHERE settlement_id = ?')
        .pluck()
        .get(sid);
    expect(count()).toBe(0);
    const cold = await ok<DeliveryOrderView>(
      'delivery.create',
      order(sid, { coldChain: true, coldChainRecord: '保温箱+冰排，2–8℃，温度记录仪 T-07' }),
    );
    expect(cold.coldChain).toBe(true);
    expect(count()).toBe(1);

    const none = await h.api('delivery.create', order(987_654), token);
    expect(none.error).toMatchObject({ code: 'POLICY', ruleId: 'R-DELIVERY' });
  });
});
